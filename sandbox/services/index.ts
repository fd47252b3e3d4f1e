import type { TServiceFactory } from '../registry';
import { dataServices } from '../dataplane/data-services';
import { controlPlaneServices } from './control-plane';

/**
 * Every service the sandbox serves, in the order the dispatcher asks them about unsigned requests (put catch-all
 * routes such as S3's `/{bucket}/{key}` last). Adding a service is adding its factory here.
 */
export const SERVICE_FACTORIES: TServiceFactory[] = [controlPlaneServices, dataServices];
