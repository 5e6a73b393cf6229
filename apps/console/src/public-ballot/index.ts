/** The public ballot page (`/vote`, `#/vote`, and `#/ballot` for printed slips): no sign-in, no react-admin. */
export { PublicBallotApp as default } from './PublicBallotApp';
