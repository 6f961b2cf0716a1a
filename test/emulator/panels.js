'use strict';
/**
 * The emulator's Integration Panels: definitions, each instance's live state with its revision,
 * and the dispatchers' actions waiting to be acknowledged (Sonoran's `integration-panels` pages).
 */
const crypto = require('node:crypto');

const LIMITS = {
	panels: 50,
	instancesPerServer: 100,
	definitionBytes: 128 * 1024,
	rootNodes: 200,
	sounds: 20,
	nameLength: 80,
	stateBytes: 512 * 1024,
	resultBytes: 32 * 1024,
	messageLength: 500,
	actionLifetimeMs: 60_000,
};
const KEY = /^[a-z0-9._-]{2,80}$/;

const bytes = (value) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * @typedef {{ serverId: number, instanceKey: string, state: object, revision: number, updatedAt: string }} Instance
 * @typedef {{ id: string, key: string, name: string, enabled: boolean, definition: object, updatedAt: string, instances: Instance[] }} Panel
 * @typedef {{ cursor: number, id: string, panelKey: string, serverId: number, instanceKey: string,
 *   actionId: string, actorUuid: string, actorName: string, values: object, createdAt: string,
 *   expiresAt: string, ack?: { success: boolean, message?: string, result?: object } }} PanelAction
 */
class PanelStore {
	constructor() {
		/** @type {Map<string, Panel>} */
		this.panels = new Map();
		/** @type {PanelAction[]} every action pressed, acknowledged or not */
		this.actions = [];
		this.nextCursor = 1;
	}

	/** Why a definition is refused (status and detail), or undefined. */
	static refuseDefinition(key, definition) {
		if (!definition || typeof definition !== 'object' || Array.isArray(definition)) {
			return [400, 'definition must be an object.'];
		}
		if (bytes(definition) > LIMITS.definitionBytes) return [413, 'Definition exceeds 128 KiB.'];
		if (definition.schemaVersion !== 1) return [400, 'schemaVersion must be 1.'];
		if (definition.key !== undefined && definition.key !== key) {
			return [400, 'definition.key must match panelKey.'];
		}
		if (typeof definition.name !== 'string' || !definition.name.trim()) {
			return [400, 'name is required.'];
		}
		if (definition.name.length > LIMITS.nameLength) return [400, 'name exceeds 80 characters.'];
		if (!Array.isArray(definition.body)) return [400, 'body must be an array.'];
		if (definition.body.length > LIMITS.rootNodes) return [400, 'body exceeds 200 root nodes.'];
		if (Array.isArray(definition.sounds) && definition.sounds.length > LIMITS.sounds) {
			return [400, 'sounds exceeds 20.'];
		}
		return undefined;
	}

	/** Creates or replaces; undefined when the community already has 50 panels. */
	set(key, definition, now = new Date()) {
		const existing = this.panels.get(key);
		if (!existing && this.panels.size >= LIMITS.panels) return undefined;
		const panel = {
			id: existing?.id ?? crypto.randomUUID(),
			key,
			name: definition.name,
			enabled: true,
			definition,
			updatedAt: now.toISOString(),
			instances: existing?.instances ?? [],
		};
		this.panels.set(key, panel);
		return panel;
	}

	/** A panel that Delete Panel has not disabled, or undefined. */
	enabled(key) {
		const panel = this.panels.get(key);
		return panel?.enabled ? panel : undefined;
	}

	/** Replaces an instance's state; 'no panel' or 'too many instances' when it cannot. */
	setState(serverId, key, instanceKey, state, now = new Date()) {
		const panel = this.panels.get(key);
		if (!panel) return 'no panel';
		let instance = panel.instances.find(
			(candidate) => candidate.serverId === serverId && candidate.instanceKey === instanceKey,
		);
		if (!instance) {
			const onServer = panel.instances.filter((candidate) => candidate.serverId === serverId);
			if (onServer.length >= LIMITS.instancesPerServer) return 'too many instances';
			instance = { serverId, instanceKey, state: {}, revision: 0, updatedAt: '' };
			panel.instances.push(instance);
		}
		instance.state = state;
		instance.revision += 1;
		instance.updatedAt = now.toISOString();
		return instance;
	}

	/**
	 * What a dispatcher's press does: a pending action, as the poll and the push carry it.
	 * @param {{ serverId?: number, panelKey: string, instanceKey?: string, actionId: string,
	 *   values?: object, actor?: { uuid: string, name: string } }} spec
	 * @returns {PanelAction}
	 */
	press(
		{ serverId = 1, panelKey, instanceKey = 'default', actionId, values = {}, actor },
		now = Date.now(),
	) {
		const action = {
			cursor: this.nextCursor++,
			id: crypto.randomUUID(),
			panelKey,
			serverId,
			instanceKey,
			actionId,
			actorUuid: actor?.uuid ?? '22222222-2222-2222-2222-222222222222',
			actorName: actor?.name ?? 'Dispatcher One',
			values,
			createdAt: new Date(now).toISOString(),
			expiresAt: new Date(now + LIMITS.actionLifetimeMs).toISOString(),
		};
		this.actions.push(action);
		return action;
	}

	/** Actions not yet acknowledged nor expired, for one panel on one server. */
	pending(serverId, panelKey, now = Date.now()) {
		return this.actions.filter(
			(action) =>
				action.serverId === serverId &&
				action.panelKey === panelKey &&
				!action.ack &&
				Date.parse(action.expiresAt) > now,
		);
	}
}

/** A panel as the API shows it. */
function showPanel(panel) {
	return {
		...panel,
		instances: panel.instances.map(({ serverId: _server, ...instance }) => instance),
	};
}

/**
 * An action as the poll and the push show it.
 * @param {PanelAction} action
 */
function showAction({ ack: _ack, ...action }) {
	return action;
}

module.exports = { PanelStore, LIMITS, KEY, bytes, showPanel, showAction };
