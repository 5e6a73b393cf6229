import RateReviewIcon from '@mui/icons-material/RateReview';
import { OpinionList } from './OpinionList';

/** Opinions (意见表): the review queue. */
export const opinions = { list: OpinionList, icon: RateReviewIcon };
