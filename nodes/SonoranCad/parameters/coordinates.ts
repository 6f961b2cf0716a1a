import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { finiteNumber, parameterReader } from './validate';

/** A map position's parts as Sonoran names them: x, y, z (height) and w (heading). */
export type Axis = 'x' | 'y' | 'z' | 'w';

const AXES: Record<Axis, { displayName: string; description: string }> = {
	x: { displayName: 'X', description: 'Map X coordinate (as the game reports it)' },
	y: { displayName: 'Y', description: 'Map Y coordinate (as the game reports it)' },
	z: { displayName: 'Z', description: 'Height; 0 when unknown' },
	w: { displayName: 'Heading', description: 'Heading in degrees; 0 when unknown' },
};

/** One number parameter per axis (`coordinateX`…), 0 by default. */
export function coordinateProperties(axes: Axis[]): INodeProperties[] {
	return axes.map((axis) => ({
		displayName: AXES[axis].displayName,
		name: `coordinate${axis.toUpperCase()}`,
		type: 'number',
		default: 0,
		description: AXES[axis].description,
	}));
}

/** The item's position, each axis checked; axes not offered are 0, as Sonoran's examples send. */
export function readCoordinates(
	ctx: IExecuteFunctions,
	itemIndex: number,
	axes: Axis[],
): Record<Axis, number> {
	const read = parameterReader(ctx, itemIndex);
	const position: Record<Axis, number> = { x: 0, y: 0, z: 0, w: 0 };
	for (const axis of axes) {
		const { displayName } = AXES[axis];
		position[axis] = read(
			`coordinate${axis.toUpperCase()}`,
			displayName,
			finiteNumber,
			`Set "${displayName}" to a number, such as the coordinates the game server sent.`,
		);
	}
	return position;
}
