/**
 * The FortiManager node's resources and their operations (DESIGN.md section
 * 2). The router's table is typed by this map: an operation named here
 * without its module does not compile.
 */
export type FortiManagerMap = {
	adom: 'getMany';
	device: 'get' | 'getMany';
	deviceGroup: 'getMany';
	fortiGateApi: 'request';
	policyPackage: 'install';
	script: 'run';
	system: 'getStatus';
	task: 'get';
};
