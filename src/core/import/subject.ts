/**
 * Who does what in one sentence: "Sở Nội vụ tổ chức tập huấn …" → owner "Sở Nội vụ", does
 * "tổ chức tập huấn …". Vietnamese puts the subject first and the verb right after it, so the
 * subject is the text up to the first verb; a sentence that does not open with an agency has
 * no subject (its owner is the task's).
 */
import { trailingRunStart, trimEndRun } from './scan.js';


export interface Subject {
  /** The agencies as written (not yet split), head titles ("Giám đốc") removed. */
  subject?: string;
  /** The rest of the sentence, from the verb on, after any "chủ trì, phối hợp với Y". */
  rest: string;
  /** The rest of the sentence from the verb on, as written. */
  predicate?: string;
  /** "Đề nghị X …": a request to X. */
  request: boolean;
  /** "X chủ trì, phối hợp với Y …": Y. */
  coordinate?: string;
  /** "X chủ trì …": X leads rather than implements. */
  leads: boolean;
  /** The verb was capitalised: the subject was a heading run into its duty ("Văn phòng … Chuẩn bị …"). */
  capital?: boolean;
}

// Words that open an agency name (and so a subject).
// ("Ban hành", "Hội nghị" and "Các hoạt động" open titles, not agencies.)
export const AGENCY_HEAD =
  /^(Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Phòng|phòng|Sở|sở|Ban(?! hành)|Bộ|Đài|Báo(?! cáo)|Trung tâm|Công an|Liên đoàn|Văn phòng|Cổng|Thanh tra|Mặt trận|Thường trực|Cơ quan|cơ quan|(?:Các|các)(?= (?:sở|Sở|phòng|Phòng|cơ quan|đơn vị|ban|Ban|huyện|xã|địa phương|doanh nghiệp|tổ chức|ngành|UBND|Ủy ban|Uỷ ban|cấp|hội|Hội|đoàn thể|thành viên|trường|Bộ|bộ|quận|phường|khu phố|thôn|xóm|tổ dân phố|ấp|bản|công chức))|Giám đốc|Chủ tịch|Thủ trưởng|Trưởng(?= (?:\p{Lu}|phòng|ban))|Công chức|công chức|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Thị ủy|Thị uỷ|Đoàn|Hội(?! nghị)|Lãnh đạo)(\s|$)/u;

// Head-of-agency titles: the duty belongs to the agency ("Giám đốc Sở Nội vụ" → Sở Nội vụ).
const HEAD_TITLE = /(^|;\s*|,\s*)(Giám đốc|Chủ tịch|Thủ trưởng|Trưởng)\s+(?=\p{Lu})/gu;

// Verbs (and verb-like phrases) that end a subject. "tổ chức" is also a noun ("các tổ chức có
// liên quan"): it is a verb only before the activities it organises.
const VERB =
  /(?<![\p{L}\p{M}])(tổ chức(?= (?:tập huấn|triển khai|rà soát|thực hiện|hội nghị|Hội nghị|quán triệt|tuyên truyền|phổ biến|theo dõi|kiểm tra|xây dựng|lấy|đánh giá|lớp|các lớp|các hội nghị|thi hành))|phối hợp|chủ trì|trình(?= )|xây dựng|ban hành|tham mưu|thực hiện(?! dân chủ| nhiệm vụ)|hướng dẫn|rà soát|theo dõi|báo cáo|triển khai|tuyên truyền|có trách nhiệm|chủ động|kiểm tra|tổng hợp|bố trí|đẩy mạnh|căn cứ|cân đối|đôn đốc|chỉ đạo|quán triệt|phổ biến|tập huấn|gửi|đăng|kịp thời|theo chức năng|theo quy định|phản ánh|bảo đảm|đảm bảo|chuẩn bị|tăng cường|nghiên cứu|quyết định|lập dự toán|lập kế hoạch|thông tin, tuyên truyền|biên soạn|phát hành|cung cấp|vận động|lồng ghép|thẩm định|tiếp nhận|cập nhật|giải quyết|đăng tải|phát sóng|in ấn|sơ kết|tổng kết|khảo sát|đánh giá|thông báo|phân công)(?![\p{L}\p{M}])/u;
// A capitalised verb ends a name written without punctuation before the duty ("Văn phòng Ủy ban
// nhân dân tỉnh Chuẩn bị …"), but only after a lower-case word ("Sở Xây dựng" is a name).
const CAPITAL_VERB =
  /(?<=\s\p{Ll}[\p{Ll}\p{M}]*\s)(Chuẩn bị|Chủ trì|Chủ động|Tổng hợp|Tham mưu|Hướng dẫn|Xây dựng|Phối hợp|Theo dõi|Triển khai|Tổ chức|Bố trí|Kiểm tra|Đôn đốc|Thực hiện(?! dân chủ)|Báo cáo|Căn cứ|Chỉ đạo|Đẩy mạnh|Tuyên truyền|Rà soát|Tăng cường|Nghiên cứu|Quán triệt|Phổ biến|Cân đối)(?=[\s,;:.]|$)/u;

/**
 * The text with what stands in parentheses (the parentheses too) blanked, one space a character
 * (a code point), without splitting the text into an array of characters (a paragraph may be
 * a whole document long).
 */
function maskParens(text: string): string {
  if (!text.includes('(')) return text;
  const parts: string[] = [];
  let from = 0; // start of the run not blanked
  let spaces = 0; // code points blanked since
  let depth = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    if (c === 0x28) depth++;
    const masked = depth > 0;
    if (c === 0x29) depth = Math.max(0, depth - 1);
    if (masked) {
      if (spaces === 0) parts.push(text.slice(from, i));
      spaces++;
    } else if (spaces > 0) {
      parts.push(' '.repeat(spaces));
      spaces = 0;
      from = i;
    }
    i += width;
  }
  parts.push(spaces > 0 ? ' '.repeat(spaces) : text.slice(from));
  return parts.join('');
}

/** Index of the first verb outside parentheses and outside passives ("được phân công chủ trì"). */
function firstVerb(text: string, from = 0): { at: number; capital: boolean } | null {
  const masked = maskParens(text)
    // A passive clause belongs to the subject: "địa phương được phân công chủ trì, phối hợp thực hiện nhiệm vụ".
    .replace(/được( phân công| giao)?( chủ trì| phối hợp| thực hiện|,)+/gu, (m) => ' '.repeat(m.length));
  const tail = masked.slice(from);
  const v = VERB.exec(tail);
  const c = CAPITAL_VERB.exec(tail);
  const pick = [v ? { at: v.index, capital: false } : null, c ? { at: c.index, capital: true } : null]
    .filter((x): x is { at: number; capital: boolean } => x !== null)
    .sort((a, b) => a.at - b.at)[0];
  return pick ? { at: pick.at + from, capital: pick.capital } : null;
}

/** s.replace(/^[\s,;:]+|[\s,;:.]+$/gu, ''), in linear time (the end-anchored half is quadratic in a long run). */
const trimPunct = (s: string): string => trimEndRun(s.slice(/^[\s,;:]*/u.exec(s)![0].length), /^[\s,;:.]$/u);

/** Removes head titles and fillers from a subject: "Giám đốc Sở Nội vụ" → "Sở Nội vụ". */
export function cleanSubject(s: string): string {
  return trimPunct(trimPunct(s.replace(HEAD_TITLE, '$1')).replace(/\s+trên địa bàn$/u, ''));
}

/**
 * Splits a sentence into subject and rest. With `agencyOnly`, text that names no verb at all is
 * taken as a list of agencies (a field value, or a heading naming the owner).
 */
export function splitSubject(text: string, opts: { agencyOnly?: boolean } = {}): Subject {
  let t = text.trim();
  let request = false;
  const req = /^Đề nghị\s+/iu.exec(t);
  if (req) {
    request = true;
    t = t.slice(req[0].length);
  }
  // "Căn cứ …, <subject> <verb>": the opening clause is not the subject.
  const since = /^Căn cứ [^,]+(?:, trên cơ sở [^,]+(?:, [^,]+)*?)?,\s*/u.exec(t);
  if (since && AGENCY_HEAD.test(t.slice(since[0].length))) t = t.slice(since[0].length);
  // "Các cơ quan Truyền thông: Sở …, Báo …, đẩy mạnh …": the list after the colon.
  const colon = /^[^:]{3,60}:\s+/u.exec(t);
  const listStart = colon && AGENCY_HEAD.test(t.slice(colon[0].length)) ? colon[0].length : 0;
  if (!AGENCY_HEAD.test(t)) return { rest: text.trim(), request, leads: false };
  // "Phòng Tài chính - Kế hoạch: Kinh phí … được bố trí …": a name, a colon, then its duty.
  const ownerColon = /^([^:]{3,80}):\s+/u.exec(t);
  if (ownerColon && !listStart && !firstVerb(ownerColon[1]!)) {
    const predicate = t.slice(ownerColon[0].length).trim();
    return { subject: cleanSubject(ownerColon[1]!), request, predicate, ...splitChairs(predicate) };
  }
  const verb = firstVerb(t, listStart);
  if (!verb) {
    if (opts.agencyOnly) return { subject: cleanSubject(t.slice(listStart)), rest: '', request, leads: false };
    return { rest: text.trim(), request, leads: false };
  }
  const subject = cleanSubject(t.slice(listStart, verb.at));
  if (!subject) return { rest: text.trim(), request, leads: false };
  const predicate = t.slice(verb.at).trim();
  return { subject, request, predicate, ...splitChairs(predicate), capital: verb.capital };
}

/**
 * "chủ trì, phối hợp với Y tổ chức …" after the owner: the owner leads, Y coordinates and the
 * duty goes on from the next verb.
 */
export function splitChairs(text: string): { rest: string; leads: boolean; coordinate?: string } {
  const chairs = /^chủ trì,?\s*(?:và\s+)?(?:phối hợp với\s+)?/iu.exec(text);
  if (!chairs) return { rest: text, leads: false };
  if (!/phối hợp với/iu.test(chairs[0])) return { rest: text, leads: true };
  const after = text.slice(chairs[0].length);
  const next = firstVerb(after);
  if (!next || next.at === 0) return { rest: text, leads: true };
  return { rest: after.slice(next.at).trim(), leads: true, coordinate: trimPunct(after.slice(0, next.at)) };
}

// Words after which a capitalised agency name is an object, not the start of a new clause.
const CONNECTORS = new Set([
  'của', 'và', 'với', 'cho', 'các', 'tại', 'về', 'trên', 'ở', 'thuộc', 'đến', 'tới', 'trình', 'giữa', 'hoặc', 'từ',
  'theo', 'do', 'là', 'gồm', 'cùng', 'giao', 'mời', 'những', 'mọi', 'toàn', 'đối', 'bởi', 'qua', 'vào', 'nhằm', 'để',
  'như', 'hợp', 'nghị', 'dẫn', 'đạo', 'mưu', 'gửi', 'cầu', 'trì', 'giúp', 'tịch', 'đốc', 'trưởng', 'viên', 'số',
]);
/**
 * How many agencies a sentence is searched for its subject (splitHeadingBody, sentenceOwner):
 * each search reads the rest of the sentence, and a real sentence names a few.
 */
export const MAX_SUBJECT_TRIES = 50;

// Inside a name the next capital goes on with it: "Ủy ban Mặt trận …", "Ban Chỉ đạo …", "Sở Tư pháp".
const NAME_HEADS = /(?:^|\s)(?:[Ủủ]y ban|[Uu]ỷ ban|[Tt]rung tâm|[Hh]ội đồng|[Tt]hường trực|[Cc]ơ quan|Ban|Sở|Phòng|Bộ|Đài|Báo|Hội|Đoàn|Cổng)$/u;

/**
 * A task heading run into its unnumbered body, as a PDF copy joins them (seed 002 II.2:
 * "Quyết định các biện pháp … ở cơ sở Ủy ban nhân dân thị xã, UBND cấp xã tham mưu …"): the
 * body starts at a capitalised agency that is the subject of a verb and is not the object of
 * the word before it. Working on the joined text keeps the result independent of line breaks.
 */
export function splitHeadingBody(text: string): { head: string; body: string } | null {
  // A heading that opens with its own subject ("Đề nghị Ủy ban … tổ chức …") is one sentence.
  if (splitSubject(text).subject) return null;
  let tries = 0;
  for (const m of text.matchAll(/\s(?=\p{Lu})/gu)) {
    const before = text.slice(0, m.index).trimEnd();
    if (!before || /[,;:(\-]$/u.test(before)) continue;
    // The last word, and the name heads, read from the end only (both were read from the start, at every capital).
    const last = before.slice(trailingRunStart(before, /^\S$/u)).toLowerCase();
    if (CONNECTORS.has(last) || NAME_HEADS.test(before.length > 16 ? before.slice(-16) : before)) continue;
    const body = text.slice(m.index + 1);
    if (!AGENCY_HEAD.test(body)) continue;
    // Each try reads the rest of the text: a heading with more agencies than this is not a heading.
    if (++tries > MAX_SUBJECT_TRIES) break;
    const s = splitSubject(body);
    if (s.subject && !s.capital && s.subject.length <= 120) return { head: before, body };
  }
  return null;
}
