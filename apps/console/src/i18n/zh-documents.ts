import { type Messages } from './en';

/** 公文、评议对象类别联系人和催办的中文文本（展开到 `zh.pingyi`）。 */
export const zhDocuments: Pick<Messages['pingyi'], 'documents' | 'contacts'> = {
  documents: {
    word: 'Word 文档',
    pdf: 'PDF 文档',
    results_notice: '测评结果通报',
    rectification_report: '整改情况报告',
    feedback_letter: '意见建议反馈函',
    reminder_notice: '催办通知',
    unpublished: '公布评议结果后才能印发通报',
  },
  contacts: {
    tab: '联系人与催办',
    intro: '每个评议对象类别可设联系人（如人大代表联络处）。催办只告知该类别已收回份数与应发放份数，不涉及任何个人。',
    group: '评议对象类别',
    count: '已收回 / 应发放',
    people: '联系人',
    none: '尚无联系人',
    edit: '联系人',
    edit_title: '%{group}的联系人',
    name: '姓名',
    organization: '单位',
    phone: '电话',
    email: '电子邮箱',
    add: '添加联系人',
    remove: '删除',
    save: '保存',
    saved: '联系人已保存',
    remind: '催办',
    remind_title: '向%{group}催办？',
    remind_content:
      '将告知%{group}的联系人：该类别已收回评议表 %{ballots} 份，应发放 %{quota} 份。催办记入消息和操作日志，并可下载催办通知。',
    reminded: '已催办',
    reminders: '催办记录',
    no_reminders: '尚未催办。',
    sent_line: '%{date} · %{group}：%{ballots} / %{quota} 份 · %{by} · 联系人 %{smart_count} 位',
  },
};
