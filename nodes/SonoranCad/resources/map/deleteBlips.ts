import { DELETE_BLIPS_V2 } from '../../../client/endpoints';
import { leftOut } from '../../../client/answers';
import { groupedOperation } from '../../kinds/grouped';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { blipId } from './blipId';

export const deleteBlips = groupedOperation<number>({
	option: {
		name: 'Delete Blips',
		value: 'deleteBlips',
		action: 'Delete blips from the live map',
		description:
			"Remove blips from a server's live map, one blip per input item, in one request per server; a blip Sonoran did not delete is that item's error",
	},
	properties: [serverIdProperty, blipId.property],
	endpoint: DELETE_BLIPS_V2,
	read: (ctx, itemIndex) => ({
		params: { serverId: readServerId(ctx, itemIndex) },
		entry: blipId.read(ctx, itemIndex),
	}),
	body: (ids) => ({ ids }),
	about: (id) => ({ blipId: id }),
	settle: (answer, ids) => {
		// An answer without its list of IDs is read as all deleted.
		const deleted = Array.isArray(answer.ids) ? answer.ids.map(Number) : ids;
		return ids.map((id) =>
			deleted.includes(id)
				? { blipId: id, deleted: true }
				: leftOut(
						`Sonoran CAD did not delete blip ${id}`,
						'It is not a blip on this server (already deleted, or on another server). Map → Get Blips lists the blips.',
					),
		);
	},
});
