import type { Channel } from '../events/event-types.ts';
import type { DemoLanguage } from './demo-messages.ts';
import type { DemoRandom } from './demo-random.ts';

// The demo company's customers: names in their own script (with a Latin spelling for the
// e-mail address), writing in English, Arabic, Hebrew or Russian. Addresses are on the
// reserved example.* domains so nothing can ever be delivered to a real person.

type Name = readonly [script: string, latin: string];

const AR_FIRST: Name[] = [
  ['محمد', 'mohammed'],
  ['أحمد', 'ahmad'],
  ['عمر', 'omar'],
  ['يوسف', 'youssef'],
  ['خالد', 'khaled'],
  ['كريم', 'karim'],
  ['سامي', 'sami'],
  ['طارق', 'tarek'],
  ['علي', 'ali'],
  ['حسن', 'hassan'],
  ['فاطمة', 'fatima'],
  ['مريم', 'mariam'],
  ['ليلى', 'layla'],
  ['نور', 'nour'],
  ['سارة', 'sara'],
  ['هدى', 'huda'],
  ['رنا', 'rana'],
  ['ياسمين', 'yasmin'],
  ['زينب', 'zainab'],
  ['دينا', 'dina'],
];
const AR_LAST: Name[] = [
  ['الخطيب', 'alkhatib'],
  ['حداد', 'haddad'],
  ['منصور', 'mansour'],
  ['عبد الله', 'abdallah'],
  ['الحسيني', 'alhusseini'],
  ['ناصر', 'nasser'],
  ['سليمان', 'suleiman'],
  ['عيسى', 'issa'],
  ['جبران', 'jubran'],
  ['المصري', 'almasri'],
  ['الشامي', 'alshami'],
  ['دياب', 'diab'],
  ['عودة', 'odeh'],
  ['قاسم', 'qasem'],
  ['صالح', 'saleh'],
];
const HE_FIRST: Name[] = [
  ['נועה', 'noa'],
  ['יונתן', 'yonatan'],
  ['תמר', 'tamar'],
  ['אורי', 'uri'],
  ['מיכל', 'michal'],
  ['דוד', 'david'],
  ['שירה', 'shira'],
  ['איתי', 'itai'],
  ['רוני', 'roni'],
  ['אביגיל', 'avigail'],
  ['יעל', 'yael'],
  ['עומר', 'omer'],
  ['גיל', 'gil'],
  ['הדס', 'hadas'],
  ['אלון', 'alon'],
  ['רחל', 'rachel'],
  ['משה', 'moshe'],
  ['ליאור', 'lior'],
  ['טל', 'tal'],
  ['נטע', 'neta'],
];
const HE_LAST: Name[] = [
  ['כהן', 'cohen'],
  ['לוי', 'levi'],
  ['מזרחי', 'mizrahi'],
  ['פרץ', 'peretz'],
  ['ביטון', 'biton'],
  ['אברהם', 'avraham'],
  ['פרידמן', 'friedman'],
  ['שפירא', 'shapira'],
  ['גולן', 'golan'],
  ['אזולאי', 'azoulay'],
  ['דהן', 'dahan'],
  ['רוזן', 'rosen'],
  ['בן דוד', 'bendavid'],
  ['קפלן', 'kaplan'],
  ['סגל', 'segal'],
];
const RU_MALE: Name[] = [
  ['Алексей', 'aleksey'],
  ['Дмитрий', 'dmitry'],
  ['Сергей', 'sergey'],
  ['Иван', 'ivan'],
  ['Михаил', 'mikhail'],
  ['Андрей', 'andrey'],
  ['Николай', 'nikolay'],
  ['Павел', 'pavel'],
  ['Артём', 'artyom'],
  ['Егор', 'egor'],
];
const RU_FEMALE: Name[] = [
  ['Анна', 'anna'],
  ['Елена', 'elena'],
  ['Ольга', 'olga'],
  ['Наталья', 'natalya'],
  ['Татьяна', 'tatyana'],
  ['Мария', 'maria'],
  ['Ирина', 'irina'],
  ['Екатерина', 'ekaterina'],
  ['Светлана', 'svetlana'],
  ['Юлия', 'yulia'],
];
// Masculine surname; the feminine form adds "а" (Иванов → Иванова).
const RU_LAST: Name[] = [
  ['Иванов', 'ivanov'],
  ['Смирнов', 'smirnov'],
  ['Кузнецов', 'kuznetsov'],
  ['Попов', 'popov'],
  ['Васильев', 'vasiliev'],
  ['Соколов', 'sokolov'],
  ['Михайлов', 'mikhailov'],
  ['Новиков', 'novikov'],
  ['Фёдоров', 'fedorov'],
  ['Морозов', 'morozov'],
  ['Волков', 'volkov'],
  ['Лебедев', 'lebedev'],
  ['Козлов', 'kozlov'],
  ['Орлов', 'orlov'],
  ['Павлов', 'pavlov'],
];
const EN_FIRST = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Susan',
  'Richard',
  'Jessica',
  'Thomas',
  'Sarah',
  'Daniel',
  'Karen',
  'Matthew',
  'Emily',
  'Chris',
  'Olivia',
  'Andrew',
  'Grace',
];
const EN_LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Martin',
  'Jackson',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Walker',
  'Hall',
  'Young',
  'King',
];

const DOMAINS = ['example.com', 'example.org', 'example.net'];

export interface DemoCustomer {
  index: number;
  name: string;
  email: string;
  phone: string;
  language: DemoLanguage;
  /** Where this customer usually writes from; stories on logged channels override it. */
  channel: Channel;
}

/** The share of customers per language: most write English, the rest Arabic, Hebrew, Russian. */
export const LANGUAGE_WEIGHTS: ReadonlyArray<readonly [DemoLanguage, number]> = [
  ['en', 35],
  ['ar', 25],
  ['he', 20],
  ['ru', 20],
];

const HOME_CHANNELS: ReadonlyArray<readonly [Channel, number]> = [
  ['email', 40],
  ['web', 15],
  ['portal', 20],
  ['chat', 25],
];

function personName(random: DemoRandom, language: DemoLanguage): { name: string; latin: string } {
  switch (language) {
    case 'ar': {
      const [first, last] = [random.pick(AR_FIRST), random.pick(AR_LAST)];
      return { name: `${first[0]} ${last[0]}`, latin: `${first[1]}.${last[1]}` };
    }
    case 'he': {
      const [first, last] = [random.pick(HE_FIRST), random.pick(HE_LAST)];
      return { name: `${first[0]} ${last[0]}`, latin: `${first[1]}.${last[1]}` };
    }
    case 'ru': {
      const female = random.chance(0.5);
      const first = random.pick(female ? RU_FEMALE : RU_MALE);
      const last = random.pick(RU_LAST);
      return {
        name: `${first[0]} ${last[0]}${female ? 'а' : ''}`,
        latin: `${first[1]}.${last[1]}${female ? 'a' : ''}`,
      };
    }
    default: {
      const [first, last] = [random.pick(EN_FIRST), random.pick(EN_LAST)];
      return { name: `${first} ${last}`, latin: `${first.toLowerCase()}.${last.toLowerCase()}` };
    }
  }
}

function phoneNumber(random: DemoRandom, language: DemoLanguage): string {
  const digits = (n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');
  switch (language) {
    case 'ar':
      return `+962 7${random.int(7, 9)} ${digits(3)} ${digits(4)}`;
    case 'he':
      return `+972 5${random.int(0, 8)} ${digits(3)} ${digits(4)}`;
    case 'ru':
      return `+7 9${digits(2)} ${digits(3)}-${digits(2)}-${digits(2)}`;
    default:
      // 555-01xx: the range set aside for fiction.
      return `+1 ${random.int(201, 989)} 555 01${digits(2)}`;
  }
}

/**
 * `count` customers. The first four cover the four languages, so even a tiny demo has all of
 * them; e-mail addresses are unique (a number is added on a clash).
 */
export function makeDemoCustomers(random: DemoRandom, count: number, taken: Set<string> = new Set()): DemoCustomer[] {
  const order: DemoLanguage[] = ['en', 'ar', 'he', 'ru'];
  const customers: DemoCustomer[] = [];
  for (let index = 0; index < count; index++) {
    const language = index < order.length ? order[index]! : random.weighted(LANGUAGE_WEIGHTS);
    const { name, latin } = personName(random, language);
    let email = `${latin}@${random.pick(DOMAINS)}`;
    for (let n = 2; taken.has(email); n++) email = email.replace(/(\d*)@/, `${n}@`);
    taken.add(email);
    customers.push({
      index,
      name,
      email,
      phone: phoneNumber(random, language),
      language,
      channel: random.weighted(HOME_CHANNELS),
    });
  }
  return customers;
}
