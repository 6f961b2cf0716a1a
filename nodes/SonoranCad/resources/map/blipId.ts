import { idParameter } from '../../parameters/idParameter';
import { wholeNumber } from '../../parameters/validate';

export const blipId = idParameter(
	{
		displayName: 'Blip ID',
		name: 'blipId',
		placeholder: 'e.g. 32',
		description: 'The blip, as Create Blip and Get Blips give its ID',
	},
	wholeNumber,
	'Map "Blip ID" from the item, such as the blipId that Create Blip returned.',
);
