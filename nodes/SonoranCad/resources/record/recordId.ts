import { idParameter } from '../../parameters/idParameter';
import { wholeNumber } from '../../parameters/validate';

const recordId = idParameter(
	{
		displayName: 'Record ID',
		name: 'recordId',
		placeholder: 'e.g. 451',
		description: "The record's ID, as Create Record, Lookup and Get Characters give it",
	},
	wholeNumber,
	"Map the record's ID, such as {{ $json.recordId }} from Create Record or Lookup.",
);

export const recordIdProperty = recordId.property;
export const readRecordId = recordId.read;
