'use strict';
/**
 * The emulator's active units, one map per community. A unit is active on one server and can be
 * named by its API IDs (v1), its community user ID, Discord or Roblox ID (v2).
 */

const STATUS_AVAILABLE = 2;

let nextId = 1;

/**
 * @typedef {{ apiId: string, apiId2?: string, serverId?: number, name?: string, unitNum?: string, accId?: string,
 *   communityUserId?: string, discord?: string, roblox?: number, status?: number,
 *   isDispatch?: boolean, department?: string }} UnitSpec
 * @typedef {UnitSpec & { id: number, accId: string, serverId: number, status: number, isDispatch: boolean, identId: number }} Unit
 */

class UnitStore {
	constructor() {
		/** @type {Unit[]} */
		this.units = [];
	}

	/** @param {UnitSpec[]} specs */
	add(specs) {
		for (const spec of specs) {
			const id = nextId++;
			this.units.push({
				serverId: 1,
				status: STATUS_AVAILABLE,
				isDispatch: false,
				...spec,
				id,
				identId: id,
				accId: spec.accId ?? `acc-${id}`,
			});
		}
	}

	clear() {
		this.units = [];
	}

	/** The active unit on `serverId` whose `field` equals `value` (compared as text). */
	find(serverId, field, value) {
		return this.units.find(
			(unit) =>
				unit.serverId === serverId &&
				unit[field] !== undefined &&
				String(unit[field]) === String(value),
		);
	}

	remove(unit) {
		this.units = this.units.filter((candidate) => candidate !== unit);
	}

	/** A unit as the v2 routes show it. */
	render(unit) {
		return render(unit, true);
	}

	/** A page of units as GET_ACTIVE_UNITS shows them (`v2` adds coordinates). */
	list(
		{ serverId, onlyUnits = true, includeOffline = false, limit = 100, offset = 0 },
		v2 = false,
	) {
		return this.units
			.filter((unit) => unit.serverId === serverId)
			.filter((unit) => !(onlyUnits && unit.isDispatch))
			.filter((unit) => includeOffline || unit.status !== 100)
			.slice(offset, offset + limit)
			.map((unit) => render(unit, v2));
	}
}

function render(unit, v2) {
	const shown = {
		id: unit.id,
		accId: unit.accId,
		status: unit.status,
		isPanic: unit.isPanic ?? false,
		location: 'Mission Row PD',
		aop: 'Los Santos',
		isDispatch: unit.isDispatch,
		data: {
			apiId1: unit.apiId,
			apiId2: unit.apiId2 ?? '',
			communityUserId: unit.communityUserId ?? '',
			unitNum: unit.unitNum ?? `U-${unit.id}`,
			name: unit.name ?? `Unit ${unit.id}`,
			district: '',
			department: unit.department ?? 'LSPD',
			subdivision: '',
			rank: '',
			group: '',
		},
	};
	if (v2) {
		shown.coordinates = { x: 0, y: 0, z: 0, w: 0 };
		shown.data.page = 0;
	}
	return shown;
}

module.exports = { UnitStore };
