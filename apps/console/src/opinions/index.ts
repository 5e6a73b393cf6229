import RateReviewIcon from '@mui/icons-material/RateReview';
import { lazyPage } from '../common/lazy-page';
// pages load when first opened: the first screen downloads none of them
const OpinionList = lazyPage(() => import('./OpinionList'), 'OpinionList');

/** Opinions (意见表): the review queue. */
export const opinions = { list: OpinionList, icon: RateReviewIcon };
