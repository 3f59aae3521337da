/** FortiClient Cloud's API address, the credential's default and the node's when the field is left empty. */
export const FORTICLIENT_CLOUD_URL = 'https://forticlient.forticloud.com';
