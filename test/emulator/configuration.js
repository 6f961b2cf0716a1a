'use strict';
/**
 * The emulator's community configuration and map: dispatch templates (custom call layouts),
 * penal codes, postals, servers' pager configuration, stations, ERS callouts, street signs,
 * blips, unit locations, heartbeats, record drafts sent, custom lookup mappings, and the
 * read-only community information, Database Sync settings and FiveM configuration, with the
 * fields Sonoran's v2 pages show.
 */

/** The Create Custom Dispatch Call page's template, with the bound fields its page names. */
const DEFAULT_DISPATCH_TEMPLATE = {
	templateId: 1,
	name: 'UK Control Room',
	version: 2,
	isDefault: true,
	statusOptions: [
		{ id: 'awaiting_deployment', label: 'Awaiting Deployment', status: 0 },
		{ id: 'deployed', label: 'Deployed', status: 1 },
		{ id: 'resolved', label: 'Resolved', status: 2 },
	],
	sections: [
		{
			uid: 'call_source',
			label: 'Call Source',
			icon: 'fas fa-broadcast-tower',
			size: 6,
			fields: [
				{
					uid: 'status',
					type: 'select',
					label: 'Status',
					binding: 'status',
					size: 6,
					required: true,
					locked: true,
				},
				{
					uid: 'priority',
					type: 'select',
					label: 'Priority',
					size: 6,
					options: ['Immediate', 'Priority', 'Routine'],
				},
				{ uid: 'code', type: 'text', label: 'Grade', size: 6 },
				{ uid: 'caller_name', type: 'text', label: 'Caller Name', size: 6 },
			],
		},
		{
			uid: 'details',
			label: 'Details',
			icon: 'fas fa-file',
			size: 12,
			fields: [
				{
					uid: 'description',
					type: 'textarea',
					label: 'Description',
					binding: 'description',
					size: 12,
					required: true,
					locked: true,
				},
				{
					uid: 'units',
					type: 'units',
					label: 'Units',
					binding: 'units',
					size: 12,
					required: true,
					locked: true,
				},
			],
		},
	],
};

const fieldsOf = (template) => template.sections.flatMap((section) => section.fields);

class ConfigurationStore {
	constructor() {
		this.dispatchTemplates = [structuredClone(DEFAULT_DISPATCH_TEMPLATE)];
		this.penalCodes = [];
		this.postals = [];
		/** Per server: pager configuration, station configuration, callouts, street signs, blips. */
		this.pager = new Map();
		this.stations = new Map();
		this.callouts = new Map();
		this.streetSigns = new Map();
		this.blips = new Map();
		this.nextBlipId = 30;
		/** Location updates and heartbeats, in order. */
		this.unitLocations = [];
		this.heartbeats = [];
		/** Record drafts opened in a player's CAD, in order. */
		this.drafts = [];
		/** Custom lookup mappings: the name searched by, and the record field uid it searches. */
		this.lookupMappings = { drivers_license: 'licenseNumber', plate: 'plate' };
		this.info = {
			community: {
				comId: 'demo-community',
				name: 'Demo Community',
				timezone: 'America/Phoenix',
				customLoginUrl: '',
			},
			codes: ['10-8', '10-23'],
		};
		this.databaseSync = {
			enabled: false,
			characters: false,
			licenses: false,
			vehicleRegistrations: false,
		};
	}

	dispatchTemplate(templateId) {
		return this.dispatchTemplates.find((template) => template.templateId === Number(templateId));
	}

	/** The first problem with custom call values for `template`, or undefined. */
	valuesProblem(template, values) {
		const fields = fieldsOf(template);
		for (const [uid, value] of Object.entries(values)) {
			const field = fields.find((candidate) => candidate.uid === uid);
			if (!field) return `Unknown field "${uid}" for template ${template.templateId}.`;
			if (field.binding === 'units') return 'Units are given by the target properties, not values.';
			if (
				field.binding === 'status' &&
				!template.statusOptions.some((option) => option.id === value)
			) {
				return `status must be one of the template's status option ids, not "${value}".`;
			}
			if (Array.isArray(field.options) && !field.options.includes(value)) {
				return `${uid} must be one of ${field.options.join(', ')}.`;
			}
		}
		const missing = fields.find(
			(field) => field.required && field.binding !== 'units' && values[field.uid] === undefined,
		);
		return missing ? `${missing.uid} is required.` : undefined;
	}

	/** The canonical call status (0 pending, 1 active, 2 closed) of a status option. */
	statusOf(template, statusId) {
		return template.statusOptions.find((option) => option.id === statusId)?.status ?? 1;
	}

	blipsOf(serverId) {
		let blips = this.blips.get(serverId);
		if (!blips) this.blips.set(serverId, (blips = []));
		return blips;
	}

	createBlip(serverId, fields) {
		const blip = { id: this.nextBlipId++, data: [], ...fields };
		this.blipsOf(serverId).push(blip);
		return blip;
	}

	/** Removes the blips among `ids` on the server; the IDs it removed. */
	deleteBlips(serverId, ids) {
		const blips = this.blipsOf(serverId);
		const removed = ids.filter((id) => blips.some((blip) => blip.id === id));
		this.blips.set(
			serverId,
			blips.filter((blip) => !removed.includes(blip.id)),
		);
		return removed;
	}

	fivemConfiguration(serverId) {
		return { serverId, revision: 3, configuration: { postTime: 5000, mapDisabled: false } };
	}
}

module.exports = { ConfigurationStore, fieldsOf };
