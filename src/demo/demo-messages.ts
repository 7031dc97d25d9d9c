// The words of the demo company: what its customers write (their own short lines in four
// languages, joined with sentences from the seed essays) and what its staff answer, in the
// customer's language. Placeholders: {name}, {agent}, {order}, {day}, {time}, {amount}.

export type DemoLanguage = 'en' | 'ar' | 'he' | 'ru';
export type Texts = Record<DemoLanguage, string>;

export interface Topic {
  subject: Texts;
  opening: Texts;
}

export const TOPICS: Topic[] = [
  {
    subject: {
      en: 'Order {order} has not arrived',
      ar: 'الطلب {order} لم يصل',
      he: 'הזמנה {order} לא הגיעה',
      ru: 'Заказ {order} не доставлен',
    },
    opening: {
      en: 'I ordered a fridge two weeks ago (order {order}) and it still has not arrived. The tracking page has said "in transit" for eight days.',
      ar: 'طلبت ثلاجة قبل أسبوعين (رقم الطلب {order}) وما زالت لم تصل. صفحة التتبع تقول "قيد الشحن" منذ ثمانية أيام.',
      he: 'הזמנתי מקרר לפני שבועיים (הזמנה {order}) והוא עדיין לא הגיע. בדף המעקב כתוב "במשלוח" כבר שמונה ימים.',
      ru: 'Я заказал холодильник две недели назад (заказ {order}), но он до сих пор не доставлен. На странице отслеживания уже восемь дней написано «в пути».',
    },
  },
  {
    subject: {
      en: 'Charged twice for one order',
      ar: 'تم خصم المبلغ مرتين',
      he: 'חויבתי פעמיים על אותה הזמנה',
      ru: 'Деньги списали дважды',
    },
    opening: {
      en: 'My card was charged twice for order {order}, {amount} each time. Please refund the second charge.',
      ar: 'تم خصم {amount} من بطاقتي مرتين مقابل الطلب {order}. أرجو إعادة المبلغ الثاني.',
      he: 'הכרטיס שלי חויב פעמיים ב-{amount} על הזמנה {order}. בבקשה להחזיר את החיוב השני.',
      ru: 'С моей карты дважды списали {amount} за заказ {order}. Пожалуйста, верните второе списание.',
    },
  },
  {
    subject: {
      en: 'Washing machine is leaking',
      ar: 'الغسالة تسرب الماء',
      he: 'מכונת הכביסה נוזלת',
      ru: 'Стиральная машина протекает',
    },
    opening: {
      en: 'The washing machine I bought from you in the spring leaks water from the bottom at every wash.',
      ar: 'الغسالة التي اشتريتها منكم في الربيع تسرب الماء من الأسفل في كل غسلة.',
      he: 'מכונת הכביסה שקניתי אצלכם באביב נוזלת מלמטה בכל כביסה.',
      ru: 'Стиральная машина, которую я купил у вас весной, протекает снизу при каждой стирке.',
    },
  },
  {
    subject: {
      en: 'Laptop will not turn on',
      ar: 'الحاسوب المحمول لا يعمل',
      he: 'המחשב הנייד לא נדלק',
      ru: 'Ноутбук не включается',
    },
    opening: {
      en: 'My laptop (order {order}) will not turn on since yesterday. The charging light blinks orange and nothing else happens.',
      ar: 'حاسوبي المحمول (الطلب {order}) لا يعمل منذ الأمس. ضوء الشحن يومض باللون البرتقالي ولا شيء آخر يحدث.',
      he: 'המחשב הנייד שלי (הזמנה {order}) לא נדלק מאתמול. נורית הטעינה מהבהבת בכתום ושום דבר לא קורה.',
      ru: 'Мой ноутбук (заказ {order}) со вчерашнего дня не включается. Индикатор зарядки мигает оранжевым, и больше ничего.',
    },
  },
  {
    subject: {
      en: 'Warranty repair is taking too long',
      ar: 'إصلاح الضمان يستغرق وقتًا طويلًا',
      he: 'התיקון לוקח יותר מדי זמן',
      ru: 'Гарантийный ремонт затянулся',
    },
    opening: {
      en: 'I sent my coffee machine for warranty repair a month ago and nobody can tell me when it will be back.',
      ar: 'أرسلت آلة القهوة للإصلاح ضمن الضمان قبل شهر ولا أحد يستطيع أن يخبرني متى ستعود.',
      he: 'שלחתי את מכונת הקפה לתיקון לפני חודש ואף אחד לא יודע להגיד לי מתי היא תחזור.',
      ru: 'Месяц назад я сдал кофемашину в гарантийный ремонт, и никто не может сказать, когда её вернут.',
    },
  },
  {
    subject: {
      en: 'Wrong item delivered',
      ar: 'وصلني منتج خاطئ',
      he: 'קיבלתי מוצר לא נכון',
      ru: 'Привезли не тот товар',
    },
    opening: {
      en: 'I ordered a black vacuum cleaner (order {order}) and received a white kettle instead.',
      ar: 'طلبت مكنسة كهربائية سوداء (الطلب {order}) ووصلني بدلًا منها إبريق ماء أبيض.',
      he: 'הזמנתי שואב אבק שחור (הזמנה {order}) וקיבלתי במקומו קומקום לבן.',
      ru: 'Я заказал чёрный пылесос (заказ {order}), а привезли белый чайник.',
    },
  },
  {
    subject: {
      en: 'The technician did not come',
      ar: 'الفني لم يحضر في الموعد',
      he: 'הטכנאי לא הגיע',
      ru: 'Мастер не пришёл',
    },
    opening: {
      en: 'I took a day off work to wait for your technician between 8 and 12, and nobody came or called.',
      ar: 'أخذت يوم إجازة من العمل لانتظار الفني بين الثامنة والثانية عشرة، ولم يأت أحد ولم يتصل أحد.',
      he: 'לקחתי יום חופש מהעבודה כדי לחכות לטכנאי בין 8 ל-12, ואף אחד לא הגיע ולא התקשר.',
      ru: 'Я взял выходной, чтобы дождаться вашего мастера с 8 до 12, но никто не пришёл и не позвонил.',
    },
  },
  {
    subject: {
      en: 'Return and refund',
      ar: 'إرجاع منتج واسترداد المبلغ',
      he: 'החזרת מוצר והחזר כספי',
      ru: 'Возврат товара и денег',
    },
    opening: {
      en: 'I returned the headphones from order {order} ten days ago and I have not seen the refund of {amount} yet.',
      ar: 'أعدت السماعات من الطلب {order} قبل عشرة أيام ولم يصلني استرداد مبلغ {amount} حتى الآن.',
      he: 'החזרתי את האוזניות מהזמנה {order} לפני עשרה ימים ועדיין לא קיבלתי את ההחזר של {amount}.',
      ru: 'Десять дней назад я вернул наушники из заказа {order}, но возврат {amount} так и не пришёл.',
    },
  },
  {
    subject: {
      en: 'Question about setting up my TV',
      ar: 'سؤال عن إعداد التلفاز',
      he: 'שאלה על התקנת הטלוויזיה',
      ru: 'Вопрос по настройке телевизора',
    },
    opening: {
      en: 'The new TV does not find any channels after the first setup. Is there something I am missing?',
      ar: 'التلفاز الجديد لا يجد أي قناة بعد الإعداد الأول. هل هناك شيء فاتني؟',
      he: 'הטלוויזיה החדשה לא מוצאת אף ערוץ אחרי ההתקנה הראשונה. יש משהו שפספסתי?',
      ru: 'Новый телевизор после первой настройки не находит ни одного канала. Может, я что-то упускаю?',
    },
  },
  {
    subject: {
      en: 'Higher price for a loyal customer',
      ar: 'السعر ارتفع علي كعميل قديم',
      he: 'מחיר גבוה יותר ללקוח ותיק',
      ru: 'Цена выше для постоянного клиента',
    },
    opening: {
      en: 'My extended warranty renewal costs more than the price you advertise to new customers. I have bought from you for six years.',
      ar: 'تجديد الضمان الممتد يكلفني أكثر من السعر الذي تعلنونه للعملاء الجدد، وأنا أشتري منكم منذ ست سنوات.',
      he: 'חידוש האחריות המורחבת עולה לי יותר מהמחיר שאתם מפרסמים ללקוחות חדשים, ואני קונה אצלכם כבר שש שנים.',
      ru: 'Продление расширенной гарантии стоит мне дороже, чем цена, которую вы рекламируете новым клиентам. Я покупаю у вас шесть лет.',
    },
  },
];

/** Short English lines English-speaking customers add, written for the demo. */
export const ENGLISH_DETAILS = [
  'I have already tried turning it off and on again.',
  'This is the second time this year.',
  'I can send photos if that helps.',
  'I am at home every day after 5 pm.',
  'I bought it as a present, so I would like to sort this out quickly.',
  'Your chat closed before anyone answered me.',
  'My neighbour bought the same model and has no problems.',
  'I have been a customer for years and never had an issue before.',
];

export const CLOSINGS: Record<DemoLanguage, string[]> = {
  en: ['Please let me know what happens next.', 'Thanks in advance.', 'I would appreciate a quick answer.'],
  ar: ['أرجو إبلاغي بما سيحدث بعد ذلك.', 'شكرًا مقدمًا.', 'أتمنى الرد بسرعة.'],
  he: ['אשמח לדעת מה הצעד הבא.', 'תודה מראש.', 'אודה לתשובה מהירה.'],
  ru: ['Пожалуйста, сообщите, что дальше.', 'Заранее спасибо.', 'Жду быстрого ответа.'],
};

/** What customers write after the first exchange. */
export const CUSTOMER_LINES: Record<
  'details' | 'nudge' | 'thanks' | 'broken_again' | 'supervisor' | 'maybe_supervisor',
  Texts
> = {
  details: {
    en: 'Here is the order number you asked for: {order}. The serial number is on the photo attached.',
    ar: 'هذا رقم الطلب الذي طلبتموه: {order}. الرقم التسلسلي في الصورة المرفقة.',
    he: 'הנה מספר ההזמנה שביקשתם: {order}. המספר הסידורי מופיע בתמונה המצורפת.',
    ru: 'Вот номер заказа, который вы просили: {order}. Серийный номер на приложенном фото.',
  },
  nudge: {
    en: 'Any news? It has been a few days and I have not heard anything.',
    ar: 'هل من جديد؟ مرت بضعة أيام ولم أسمع شيئًا.',
    he: 'יש חדש? עברו כמה ימים ולא שמעתי כלום.',
    ru: 'Есть новости? Прошло уже несколько дней, а от вас ничего.',
  },
  thanks: {
    en: 'Thank you, that worked!',
    ar: 'شكرًا لكم، نجح الأمر!',
    he: 'תודה רבה, זה עבד!',
    ru: 'Спасибо, всё заработало!',
  },
  broken_again: {
    en: 'It stopped working again this morning — the same problem is back.',
    ar: 'توقف عن العمل مرة أخرى هذا الصباح، وعادت نفس المشكلة.',
    he: 'זה הפסיק לעבוד שוב הבוקר, אותה בעיה חזרה.',
    ru: 'Опять сломалось: сегодня утром вернулась та же самая проблема.',
  },
  supervisor: {
    en: 'This is the third time I am writing about this. I want to talk to a supervisor.',
    ar: 'هذه المرة الثالثة التي أكتب فيها عن هذا الموضوع. أريد التحدث مع المشرف.',
    he: 'זו הפעם השלישית שאני כותב על זה. אני רוצה לדבר עם מנהל.',
    ru: 'Пишу об этом уже третий раз. Соедините меня с руководителем.',
  },
  // Issue 18: likely, not certain: a suspicion on the case, not an escalation.
  maybe_supervisor: {
    en: 'Still nothing. Is there a manager around?',
    ar: 'ما زلت أنتظر. هل يوجد مشرف؟',
    he: 'עדיין כלום. יש מנהל?',
    ru: 'Всё ещё ничего. Руководитель где?',
  },
};

/** What staff write to customers, in the customer's language. */
export const STAFF_LINES: Record<
  | 'first_reply'
  | 'update'
  | 'ask_details'
  | 'resolved'
  | 'call_logged'
  | 'callback_done'
  | 'refund_promise'
  | 'refund_moved'
  | 'refund_sent'
  | 'visit_promise'
  | 'visit_done'
  | 'supervisor_answer'
  | 'written_answer',
  Texts
> = {
  first_reply: {
    en: 'Hello {name}, thank you for writing. I am {agent} and I will look after your request from now on. I have checked your order and will update you as soon as I hear from the warehouse.',
    ar: 'مرحبًا {name}، شكرًا لتواصلك معنا. أنا {agent} وسأتابع طلبك من الآن. راجعت طلبك وسأبلغك فور وصول رد من المستودع.',
    he: 'שלום {name}, תודה שפנית אלינו. אני {agent} ואטפל בפנייה שלך מעכשיו. בדקתי את ההזמנה ואעדכן ברגע שתגיע תשובה מהמחסן.',
    ru: 'Здравствуйте, {name}! Спасибо за обращение. Меня зовут {agent}, теперь ваш запрос веду я. Заказ проверен, сообщу, как только получу ответ со склада.',
  },
  update: {
    en: 'Thank you for your patience, {name}. The warehouse has confirmed everything; it goes out tomorrow and I will follow it until it reaches you.',
    ar: 'شكرًا على صبرك يا {name}. أكد المستودع كل شيء، وسيُرسل غدًا وسأتابعه حتى يصل إليك.',
    he: 'תודה על הסבלנות, {name}. המחסן אישר הכול, זה יוצא מחר ואעקוב עד שזה יגיע אליך.',
    ru: 'Спасибо за терпение, {name}. Склад всё подтвердил: завтра отправка, и я прослежу, пока всё не дойдёт до вас.',
  },
  ask_details: {
    en: 'Hello {name}, could you send us the order number and a photo of the serial-number label? Then we can go ahead straight away.',
    ar: 'مرحبًا {name}، هل يمكنك إرسال رقم الطلب وصورة لملصق الرقم التسلسلي؟ بعدها نتابع فورًا.',
    he: 'שלום {name}, אפשר לקבל את מספר ההזמנה ותמונה של מדבקת המספר הסידורי? אחר כך נמשיך מיד.',
    ru: 'Здравствуйте, {name}! Пришлите, пожалуйста, номер заказа и фото наклейки с серийным номером — и мы сразу продолжим.',
  },
  resolved: {
    en: 'Good news, {name}: it is sorted. The replacement is on its way and the courier will call before delivery. If anything else comes up, just reply to this message.',
    ar: 'أخبار جيدة يا {name}: تم حل الأمر. البديل في الطريق وسيتصل بك المندوب قبل التوصيل. إذا احتجت أي شيء آخر فقط رد على هذه الرسالة.',
    he: 'חדשות טובות, {name}: הכול מסודר. המוצר החלופי בדרך והשליח יתקשר לפני המסירה. אם צריך עוד משהו, פשוט להשיב להודעה הזו.',
    ru: '{name}, хорошие новости: всё решено. Замена уже в пути, курьер позвонит перед доставкой. Если что-то ещё понадобится, просто ответьте на это сообщение.',
  },
  call_logged: {
    en: 'Phone call with {name}: went through the problem together. Promised to call back by {time} after checking with the warehouse.',
    ar: 'مكالمة مع {name}: راجعنا المشكلة معًا. وعدت بمعاودة الاتصال قبل الساعة {time} بعد التحقق مع المستودع.',
    he: 'שיחת טלפון עם {name}: עברנו יחד על הבעיה. הבטחתי לחזור עד {time} אחרי בדיקה מול המחסן.',
    ru: 'Звонок с клиентом ({name}): разобрали проблему вместе. Обещано перезвонить до {time} после проверки на складе.',
  },
  callback_done: {
    en: 'Called {name} back as promised: the part is in stock and the technician comes on {day}.',
    ar: 'عاودت الاتصال بـ{name} كما وعدت: القطعة متوفرة وسيحضر الفني يوم {day}.',
    he: 'חזרתי ל{name} כמו שהבטחתי: החלק במלאי והטכנאי יגיע ב-{day}.',
    ru: 'Перезвонили клиенту ({name}), как обещали: деталь есть на складе, мастер придёт {day}.',
  },
  refund_promise: {
    en: 'Hello {name}, I have requested your refund of {amount}. You will have it on your card by {day}.',
    ar: 'مرحبًا {name}، طلبت استرداد مبلغ {amount}. سيصل إلى بطاقتك بحلول {day}.',
    he: 'שלום {name}, ביקשתי את ההחזר של {amount}. הוא יופיע בכרטיס שלך עד {day}.',
    ru: 'Здравствуйте, {name}! Возврат {amount} оформлен. Деньги поступят на карту до {day}.',
  },
  refund_moved: {
    en: 'I am sorry, {name}: the bank needs two more working days, so the refund will reach you by {day}, not earlier as I said. I will confirm the moment it is sent.',
    ar: 'أعتذر يا {name}: البنك يحتاج يومي عمل إضافيين، لذلك سيصلك المبلغ بحلول {day} وليس قبل ذلك كما قلت. سأؤكد لك لحظة إرساله.',
    he: 'מצטערים, {name}: הבנק צריך עוד שני ימי עסקים, ולכן ההחזר יגיע עד {day} ולא מוקדם יותר כמו שאמרתי. אאשר ברגע שהוא יוצא.',
    ru: 'Извините, {name}: банку нужно ещё два рабочих дня, поэтому деньги придут до {day}, а не раньше, как мы обещали. Подтвержу, как только перевод уйдёт.',
  },
  refund_sent: {
    en: 'Your refund of {amount} was sent today. Thank you for your patience, {name}.',
    ar: 'تم إرسال استرداد مبلغ {amount} اليوم. شكرًا لصبرك يا {name}.',
    he: 'ההחזר של {amount} נשלח היום. תודה על הסבלנות, {name}.',
    ru: 'Возврат {amount} отправлен сегодня. Спасибо за терпение, {name}.',
  },
  visit_promise: {
    en: 'Hello {name}, a technician will come to you by {day}. He will call you an hour before.',
    ar: 'مرحبًا {name}، سيحضر إليك فني بحلول {day}، وسيتصل بك قبل ساعة من وصوله.',
    he: 'שלום {name}, טכנאי יגיע אליך עד {day} ויתקשר שעה לפני.',
    ru: 'Здравствуйте, {name}! Мастер приедет до {day} и позвонит за час.',
  },
  visit_done: {
    en: 'The technician was with you today and the repair report says all is fixed. Thank you, {name}!',
    ar: 'زارك الفني اليوم ويقول تقرير الإصلاح إن كل شيء أصبح سليمًا. شكرًا لك يا {name}!',
    he: 'הטכנאי היה אצלך היום ודוח התיקון אומר שהכול תקין. תודה, {name}!',
    ru: 'Мастер был у вас сегодня, по отчёту всё исправлено. Спасибо, {name}!',
  },
  supervisor_answer: {
    en: 'Hello {name}, I am {agent}, the team supervisor. I have read your whole history with us and I am sorry it came to this. I am taking care of it personally: you will have a replacement this week and I will call you myself on {day}.',
    ar: 'مرحبًا {name}، أنا {agent}، مشرفة الفريق. قرأت كل تاريخ تواصلك معنا وأعتذر عما حدث. سأتابع الأمر بنفسي: ستحصل على بديل هذا الأسبوع وسأتصل بك شخصيًا يوم {day}.',
    he: 'שלום {name}, כאן {agent}, ראש הצוות. קראתי את כל ההיסטוריה שלך איתנו, וסליחה שזה הגיע לכך. הטיפול עובר אליי אישית: מוצר חלופי יגיע השבוע ואתקשר אליך בעצמי ב-{day}.',
    ru: 'Здравствуйте, {name}! Меня зовут {agent}, я руководитель группы. Мне передали всю историю вашего обращения — простите, что так вышло. Я беру дело на себя: замену вы получите на этой неделе, а {day} я позвоню вам лично.',
  },
  written_answer: {
    en: 'Answered {name} in writing: confirmed the repair under warranty and the dates.',
    ar: 'تم الرد على {name} كتابيًا: تأكيد الإصلاح ضمن الضمان والمواعيد.',
    he: 'נשלחה תשובה בכתב ל{name}: אישור התיקון באחריות והתאריכים.',
    ru: 'Клиенту ({name}) отправлен письменный ответ: подтверждён гарантийный ремонт и сроки.',
  },
};

/** What a customer left on a voicemail, a letter or a fax, as the staff member logged it. */
export const LOGGED_CONTACTS: Record<'voicemail' | 'letter' | 'fax', Texts> = {
  voicemail: {
    en: 'Voicemail from {name}: the washing machine is leaking again, please call back.',
    ar: 'رسالة صوتية من {name}: الغسالة تسرب الماء مرة أخرى، أرجو معاودة الاتصال.',
    he: 'הודעה קולית מ{name}: מכונת הכביסה שוב נוזלת, בבקשה לחזור אליי.',
    ru: 'Голосовое сообщение от клиента ({name}): стиральная машина снова протекает, просит перезвонить.',
  },
  letter: {
    en: 'Letter from {name}: asks for a written confirmation that the repair of order {order} is covered by the warranty.',
    ar: 'رسالة بريدية من {name}: يطلب تأكيدًا كتابيًا بأن إصلاح الطلب {order} مشمول بالضمان.',
    he: 'מכתב מ{name}: מבקש אישור בכתב שהתיקון של הזמנה {order} מכוסה באחריות.',
    ru: 'Письмо от клиента ({name}): просит письменно подтвердить, что ремонт по заказу {order} покрывается гарантией.',
  },
  fax: {
    en: 'Fax from {name}: copy of the receipt for order {order} and the dates of the failed deliveries.',
    ar: 'فاكس من {name}: نسخة من إيصال الطلب {order} وتواريخ محاولات التوصيل الفاشلة.',
    he: 'פקס מ{name}: עותק של הקבלה על הזמנה {order} והתאריכים של המשלוחים שלא הגיעו.',
    ru: 'Факс от клиента ({name}): копия чека по заказу {order} и даты сорванных доставок.',
  },
};

/** Internal notes are for colleagues: the team writes them in English. */
export const NOTES = [
  'Checked the warehouse system: the parcel is stuck at the regional depot since Monday.',
  'Customer is upset — this is not their first contact about it. Be gentle and precise.',
  'Spoke to billing: the second charge is a pre-authorisation and will drop off, but we refund it anyway.',
  'Serial number matches the order; the warranty is valid until next year.',
  'Asked the repair centre for a date. They promised an answer tomorrow morning.',
  'Same fault reported on three units of this model this month — told the product team.',
];

export const HANDOFF_REASONS = [
  'Refund needs billing approval — handing to the person who handles refunds this week',
  'Hardware fault: needs someone who knows the repair process',
  'Going on leave tomorrow; handing over so nothing waits',
  'Technician scheduling is done by the field team',
  'Customer asked for someone who speaks their language on the phone',
];

export const DAYS: Texts[] = [
  { en: 'Monday', ar: 'الاثنين', he: 'יום שני', ru: 'в понедельник' },
  { en: 'Tuesday', ar: 'الثلاثاء', he: 'יום שלישי', ru: 'во вторник' },
  { en: 'Wednesday', ar: 'الأربعاء', he: 'יום רביעי', ru: 'в среду' },
  { en: 'Thursday', ar: 'الخميس', he: 'יום חמישי', ru: 'в четверг' },
  { en: 'Friday', ar: 'الجمعة', he: 'יום שישי', ru: 'в пятницу' },
];

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** "Friday" in the customer's language, for a date. */
export function dayName(date: Date, language: DemoLanguage): string {
  const weekday = date.getUTCDay();
  const index = weekday === 0 || weekday === 6 ? 0 : weekday - 1;
  return DAYS[index]![language];
}

export function clockTime(date: Date): string {
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
}
