export const CURRENT_BUREAU = 'query CurrentBureau { currentBureau { name code } }';
