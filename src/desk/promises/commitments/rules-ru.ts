import * as chrono from 'chrono-node';
import type { PromiseKind } from '../../../contract/api-types.ts';
import { chronoTimes, timesWithChrono } from './rules-en.ts';
import { instantOfLocal, localParts } from '../capability/business-time.ts';
import { leanChrono } from './word-chrono.ts';
import { earliestKind, isQuestion, stem, word, type LanguageRules, type Reading } from './language-rules.ts';
import { DEFAULT_TIME, resolveTimeSpec, type WorkDays } from './relative-time.ts';

// Russian commits with the first-person future of perfective verbs ("перезвоню", "вернём"),
// "вы получите", or passive futures ("будет доставлен"). Past forms ("звонили", "отправили")
// and negation ("не могу обещать") are not commitments; "не позднее" ("no later than") is.
const FUTURE = stem(
  '(?:пере)?звоню|(?:пере)?звоним|позвоню|позвоним|свяжусь|свяжемся|верн(?:у|ём|ем)(?![а-яё])|возвращу|возвратим|вернутся|отправ(?:лю|им)(?![а-яё])|вышл(?:ю|ем)|пришл(?:ю|ём|ем)(?![а-яё])|достав(?:лю|им)(?![а-яё])|привез(?:у|ём|ем)|исправ(?:лю|им)(?![а-яё])|почин(?:ю|им)(?![а-яё])|реш(?:у|им)(?![а-яё])|устран(?:ю|им)(?![а-яё])|восстанов(?:лю|им)|сообщ(?:у|им)(?![а-яё])|напиш(?:у|ем)(?![а-яё])|отвеч(?:у)(?![а-яё])|ответ(?:им)(?![а-яё])|провер(?:ю|им)(?![а-яё])|уточн(?:ю|им)(?![а-яё])|вы получите|получите|будет (?:доставлен|отправлен|возвращ|зачислен|исправлен|решён|решен)|будут (?:возвращены|зачислены|доставлены)|поступ(?:ят|ит)|прид(?:ёт|ет)|прибуд(?:ет|ут)|приед(?:ет|ут|у|ем)(?![а-яё])|оформ(?:лю|им)(?![а-яё])|отмен(?:ю|им)(?![а-яё])|компенсиру(?:ю|ем)(?![а-яё])|замен(?:ю|им)(?![а-яё])|подтвер(?:жу|дим)(?![а-яё])|отремонтиру(?:ю|ем)(?![а-яё])|настро(?:ю|им)(?![а-яё])|подключ(?:у|им)(?![а-яё])|перечисл(?:ю|им)(?![а-яё])|перевед(?:у|ём|ем)(?![а-яё])|сдела(?:ю|ем)(?![а-яё])|доставят|отправят|будет (?:оформлен|отменен|заменен|готов|отправлен)\\p{L}*|будут отправлены|восстанов(?:ит|ят)(?![а-яё])|решит(?![а-яё])|вернёт|вернет|(?:пере)?позвон(?:ит|ят)(?![а-яё])|перезвон(?:ит|ят)(?![а-яё])|свяж(?:ется|утся)(?![а-яё])|привез(?:ёт|ет|ут)(?![а-яё])|достав(?:ит|ят)(?![а-яё])|почин(?:ит|ят)(?![а-яё])|исправ(?:ит|ят)(?![а-яё])|замен(?:ит|ят)(?![а-яё])|устран(?:ит|ят)(?![а-яё])|верн(?:ут)(?![а-яё])|зачисл(?:им|ю|ят)(?![а-яё])|будет восстановлен|обещаю|гарантирую|обязательно',
);
const NEGATION = stem('не (?!позднее|позже|волнуйтесь|переживайте|беспокойтесь)|нельзя|никак|невозможно|ни за что');

const KINDS: ReadonlyArray<[PromiseKind, RegExp]> = [
  ['callback', stem('(?:пере)?звон|позвон|свяж|звонок')],
  ['refund', stem('верн(?:у|ём|ем)|вернутся|возврат|возвращ|деньги|средства|зачисл|компенс')],
  ['delivery', stem('достав|привез|отправ|вышл|посылк|курьер|заказ|прид(?:ёт|ет)|прибуд|замен')],
  ['resolution', stem('инженер|мастер|исправ|почин|реш(?:у|им)|устран|восстанов|наладим|заработает')],
];

// "вы получите" says delivery only when nothing more specific (a refund) is named.
const WEAK_DELIVERY = stem('получите');
// "в 4 часа дня": chrono-node leaves the hour uncertain; the part of the day settles it.
const HOUR_OF_DAY = stem('в (\\d{1,2})(?::(\\d{2}))?\\s*(?:час(?:а|ов)?\\s*)?(утра|дня|вечера|ночи)');

const RU_CHRONO = leanChrono(chrono.ru.casual);
const PART_OF_DAY = word('утром|днём|днем|вечером|в обед|к обеду|ночью|сегодня вечером');
const WITHIN = stem(
  '(?:в течение|через|за|в ближайшие)\\s+(\\d+|одного|двух|трёх|трех|пяти|часа|час|суток|дня|полчаса)\\s*(рабочих|рабочий)?\\s*(минут|час|дн|день|суток|сутки)?',
);
const NEXT_BUSINESS_DAY = stem('(?:в |на )?следующ\\p{L}* рабоч\\p{L}* (?:день|дня|дню)');
const END_OF_DAY = stem('до конца (?:дня|рабочего дня)|к концу (?:дня|рабочего дня)');
const NUMBER: Record<string, number> = { одного: 1, двух: 2, трёх: 3, трех: 3, пяти: 5 };

function withinSpan(sentence: string, now: Date, timeZone: string, workDays: WorkDays) {
  const m = WITHIN.exec(sentence);
  if (!m) return null;
  const raw = m[1]!.toLowerCase();
  if (raw === 'полчаса') return { at: resolveTimeSpec({ minutes: 30 }, now, timeZone), stated: true, text: m[0] };
  if (raw === 'час' || raw === 'часа')
    return { at: resolveTimeSpec({ minutes: 60 }, now, timeZone), stated: true, text: m[0] };
  if (raw === 'суток' || raw === 'дня')
    return { at: resolveTimeSpec({ minutes: 24 * 60 }, now, timeZone), stated: true, text: m[0] };
  const n = NUMBER[raw] ?? Number(raw);
  const unit = (m[3] ?? '').toLowerCase();
  if (!Number.isFinite(n) || !unit) return null;
  if (unit.startsWith('мин')) return { at: resolveTimeSpec({ minutes: n }, now, timeZone), stated: true, text: m[0] };
  if (unit.startsWith('час'))
    return { at: resolveTimeSpec({ minutes: n * 60 }, now, timeZone), stated: true, text: m[0] };
  if (unit.startsWith('сут'))
    return { at: resolveTimeSpec({ minutes: n * 24 * 60 }, now, timeZone), stated: true, text: m[0] };
  const spec = m[2] ? { businessDays: n } : { days: n };
  return { at: resolveTimeSpec(spec, now, timeZone, workDays), stated: true, text: m[0] };
}

/** What the Russian reader does before chrono; undefined: ask chrono. */
function beforeChrono(sentence: string, now: Date, timeZone: string, workDays: WorkDays): Reading | undefined {
  const span = withinSpan(sentence, now, timeZone, workDays);
  if (span) return span;
  const next = NEXT_BUSINESS_DAY.exec(sentence);
  if (next) return { at: resolveTimeSpec({ businessDays: 1 }, now, timeZone, workDays), stated: true, text: next[0] };
  const eod = END_OF_DAY.exec(sentence);
  if (eod) return { at: resolveTimeSpec({ days: 0, time: DEFAULT_TIME }, now, timeZone), stated: true, text: eod[0] };
  return undefined;
}

/** "в 4 часа дня": chrono's day at the hour the part of the day settles. */
function withHourOfDay(sentence: string, found: Reading | null, timeZone: string): Reading | null {
  const hourOfDay = HOUR_OF_DAY.exec(sentence);
  if (!found || !hourOfDay) return found;
  const hour =
    (Number(hourOfDay[1]) % 12) +
    (hourOfDay[3] === 'утра' ? 0 : hourOfDay[3] === 'ночи' && Number(hourOfDay[1]) < 6 ? 0 : 12);
  const p = localParts(found.at, timeZone);
  return {
    at: instantOfLocal(p.year, p.month, p.day, hour * 60 + Number(hourOfDay[2] ?? 0), timeZone),
    stated: true,
    text: found.text,
  };
}

export const RU_RULES: LanguageRules = {
  language: 'ru',
  commitment(sentence) {
    if (isQuestion(sentence)) return null;
    const m = FUTURE.exec(sentence);
    if (!m) return null;
    if (NEGATION.test(sentence)) return null;
    return m[0];
  },
  kind: (sentence) => earliestKind(sentence, KINDS, () => (WEAK_DELIVERY.test(sentence) ? 'delivery' : 'other')),
  times: (sentences, now, timeZone, workDays) =>
    timesWithChrono(
      sentences,
      (s) => beforeChrono(s, now, timeZone, workDays),
      (rest) => chronoTimes(RU_CHRONO, rest, now, timeZone, PART_OF_DAY),
      (s, found) => withHourOfDay(s, found, timeZone),
    ),
};
