import { describe, expect, it } from 'vitest';
import { createI18nProvider } from '../i18n/i18n-provider';
import { sentenceText } from './sentence-text';

describe('a notification', () => {
  const entry = {
    message: '提交整改方案：整改项目 #12「窗口服务态度差」（交警支队）',
    messageKey: 'notifyRectificationItem',
    messageParamsJson: JSON.stringify({
      event: 'Submit plan',
      eventZh: '提交整改方案',
      itemId: 12,
      title: '窗口服务态度差',
      unitName: '交警支队',
    }),
  };

  it('is said in the language the console speaks, from its sentence', async () => {
    const i18n = createI18nProvider();
    expect(sentenceText(i18n.translate, entry)).toBe('提交整改方案：整改项目 #12「窗口服务态度差」（交警支队）');
    await i18n.changeLocale('en');
    expect(sentenceText(i18n.translate, entry)).toBe('Submit plan: rectification item #12 “窗口服务态度差” (交警支队)');
  });

  it('written before sentences were kept, shows the text it was written with', async () => {
    const i18n = createI18nProvider();
    await i18n.changeLocale('en');
    expect(
      sentenceText(i18n.translate, {
        message: '通报批评：迟到（交警支队）',
        messageKey: null,
        messageParamsJson: null,
      }),
    ).toBe('通报批评：迟到（交警支队）');
  });
});
