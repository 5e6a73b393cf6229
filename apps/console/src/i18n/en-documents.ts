/** English messages for the office's documents, evaluator group contacts and reminders (spread into `en.pingyi`). */
export const enDocuments = {
  documents: {
    word: 'Word',
    pdf: 'PDF',
    results_notice: 'Results notice',
    rectification_report: 'Rectification report',
    feedback_letter: 'Feedback letter',
    reminder_notice: 'Reminder notice',
    unpublished: 'Publish the results before issuing the notice',
  },
  contacts: {
    tab: 'Contacts and reminders',
    intro:
      "Each evaluator group has contacts, for example the people's congress liaison office. A reminder tells them the group's count against its quota, never anything finer.",
    group: 'Evaluator group',
    count: 'Returned / quota',
    people: 'Contacts',
    none: 'No contacts yet',
    edit: 'Contacts',
    edit_title: 'Contacts of %{group}',
    name: 'Name',
    organization: 'Office',
    phone: 'Telephone',
    email: 'E-mail',
    add: 'Add a contact',
    remove: 'Remove',
    save: 'Save',
    saved: 'Contacts saved',
    remind: 'Send reminder',
    remind_title: 'Remind %{group}?',
    remind_content:
      'The contacts of %{group} are told the group has returned %{ballots} of %{quota} ballots. The reminder goes to the inbox and the audit log, and its notice can be downloaded.',
    reminded: 'Reminder sent',
    reminders: 'Reminders sent',
    no_reminders: 'No reminder sent yet.',
    sent_line:
      '%{date} · %{group}: %{ballots} of %{quota} · by %{by} · %{smart_count} contact |||| %{date} · %{group}: %{ballots} of %{quota} · by %{by} · %{smart_count} contacts',
  },
};
