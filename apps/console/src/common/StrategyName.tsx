import { useLocaleState } from 'react-admin';
import { useGraphqlQuery } from '../data/use-graphql';
import { SCORING_STRATEGIES } from '../results/results.queries';

/** A scoring strategy's name in the user's language (the server's list of strategies, cached); never its code. */
export function StrategyName({ code }: { code: string | null | undefined }) {
  const [locale] = useLocaleState();
  const { data } = useGraphqlQuery(['strategies'], SCORING_STRATEGIES, {});
  const strategy = data?.scoringStrategies.find((s) => s.code === code);
  if (!code || !strategy) return null;
  return <span>{locale === 'en' ? strategy.labelEn : strategy.labelZh}</span>;
}
