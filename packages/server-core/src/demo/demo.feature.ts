import { definePingyiFeature } from '../common/pingyi-feature';
import { DemoModule } from './demo.module';

/** No tables of its own: it fills those of the campaign content modules. */
export const demoFeature = definePingyiFeature({ name: 'demo', module: DemoModule });
