import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { DESTRUCTIVE, type Endpoint } from '../../client/endpoints';

/**
 * One operation of one resource: its entry in the Operation dropdown, its parameters, and the
 * code that runs it. `execute` gets all of the execution's items at once so it can batch them,
 * and returns exactly one output item per input item.
 */
export interface SonoranOperation {
	option: INodePropertyOptions & { action: string };
	properties: INodeProperties[];
	/** The endpoints its requests go to: what it may do (see DESTRUCTIVE). */
	endpoints?: Endpoint[];
	execute: (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;
}

/** A resource: its entry in the Resource dropdown and its operations. */
export interface SonoranResource {
	option: INodePropertyOptions;
	operations: SonoranOperation[];
}

/** The Operation dropdown of a resource, plus each operation's parameters shown only for it. */
export function describeResource(resource: SonoranResource): INodeProperties[] {
	const show = (operation?: SonoranOperation) => ({
		resource: [resource.option.value],
		...(operation ? { operation: [operation.option.value] } : {}),
	});
	const defaultOperation = resource.operations[0].option.value;
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: show() },
			options: resource.operations.map((operation) => operation.option),
			default: defaultOperation,
		},
		...resource.operations.flatMap((operation) =>
			operation.properties.map((property) => ({
				...property,
				displayOptions: {
					...property.displayOptions,
					show: { ...show(operation), ...property.displayOptions?.show },
				},
			})),
		),
	];
}

/** Whether an operation takes away or replaces something (see DESTRUCTIVE in endpoints.ts). */
export function isDestructive(operation: SonoranOperation): boolean {
	return (operation.endpoints ?? []).some((endpoint) => DESTRUCTIVE.has(endpoint));
}
