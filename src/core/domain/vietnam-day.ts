/**
 * The calendar day in Vietnam (Asia/Ho_Chi_Minh, UTC+7, no daylight saving) at an instant:
 * the default `today` of every command. A plan's waiver expires on Vietnam's date, not on the
 * date in UTC (which is still yesterday until 07:00 there).
 */
const FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

export function vietnamDay(at: Date): string {
  const parts = Object.fromEntries(FORMAT.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}
