/**
 * The FortiClient EMS node's resources and their operations (DESIGN.md
 * section 2). The router's table is typed by this map: an operation named
 * here without its module does not compile.
 */
export type FortiClientEmsMap = {
	endpoint: 'get' | 'getMany' | 'quarantine' | 'unquarantine';
};
