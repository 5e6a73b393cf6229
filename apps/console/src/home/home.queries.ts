import { graphql } from '../data/graphql';
export const CURRENT_BUREAU = graphql(`query CurrentBureau { currentBureau { name code } }`);
