// The inbound benches' message bodies: real-looking, in the four languages.
// Real-looking messages in the four languages, none asking for a supervisor.
export const BODIES: Record<string, string[]> = {
  en: [
    'Hello, my order #4411 has not arrived yet and the tracking page has not changed for five days. Could you check where it is?',
    'I was charged twice for the same subscription this month. Please refund the duplicate payment.',
    'Thanks for the quick answer last time. The replacement part fits, but the instructions are missing. Can you send them?',
    'Any news on this? I am still waiting for the technician to confirm the appointment for Thursday morning.',
  ],
  ar: [
    'مرحبا، لم يصل طلبي بعد وصفحة التتبع لم تتغير منذ خمسة أيام. هل يمكنكم التحقق من مكانه؟',
    'تم خصم المبلغ مرتين هذا الشهر لنفس الاشتراك. أرجو استرداد الدفعة المكررة.',
  ],
  ru: [
    'Здравствуйте, мой заказ до сих пор не пришёл, и статус доставки не меняется уже пять дней. Проверьте, пожалуйста.',
    'С меня дважды списали деньги за одну и ту же подписку в этом месяце. Верните, пожалуйста, лишний платёж.',
  ],
  he: [
    'שלום, ההזמנה שלי עדיין לא הגיעה ודף המעקב לא השתנה כבר חמישה ימים. תוכלו לבדוק איפה היא?',
    'חויבתי פעמיים על אותו מנוי החודש. בבקשה להחזיר את החיוב הכפול.',
  ],
};
export const languageOf = (k: number) => (k % 10 === 0 ? 'ar' : k % 10 === 1 ? 'ru' : k % 10 === 2 ? 'he' : 'en');
