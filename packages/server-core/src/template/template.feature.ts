import { definePingyiFeature } from '../common/pingyi-feature';
import { TemplateModule } from './template.module';

export const templateFeature = definePingyiFeature({ name: 'template', module: TemplateModule });
