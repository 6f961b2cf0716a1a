import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resources } from './resources';

/** Runs the chosen operation once for the whole execution, with all of its items. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const resourceName = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources
		.find((resource) => resource.option.value === resourceName)
		?.operations.find((candidate) => candidate.option.value === operationName);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resourceName}" is not supported`,
			{
				description:
					'Choose an operation from the list; this workflow may come from a newer version of the node.',
			},
		);
	}
	return await operation.execute.call(this, this.getInputData());
}
