-- Search (issue 16), hand-written: the folding and the vectors the two GIN indexes below are built on.
-- kept_search_fold: lower case, then one letter for each group people type interchangeably —
-- Arabic alef forms (أ إ آ ٱ → ا), taa marbuta (ة → ه), alef maqsura (ى → ي), hamza seats (ؤ → و, ئ → ي),
-- Hebrew final letters (ך ם ן ף ץ → כ מ נ פ צ), Russian ё → е — and without Arabic diacritics (harakat,
-- superscript alef, tatweel) or Hebrew niqqud and cantillation marks.
CREATE OR REPLACE FUNCTION public.kept_search_fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT translate(lower(t),
    U&'\0623\0625\0622\0671\0629\0649\0624\0626\05DA\05DD\05DF\05E3\05E5\0451\0640\064B\064C\064D\064E\064F'
      || U&'\0650\0651\0652\0653\0654\0655\0656\0657\0658\0659\065A\065B\065C\065D\065E\065F\0670\0591\0592\0593'
      || U&'\0594\0595\0596\0597\0598\0599\059A\059B\059C\059D\059E\059F\05A0\05A1\05A2\05A3\05A4\05A5\05A6\05A7'
      || U&'\05A8\05A9\05AA\05AB\05AC\05AD\05AE\05AF\05B0\05B1\05B2\05B3\05B4\05B5\05B6\05B7\05B8\05B9\05BA\05BB'
      || U&'\05BC\05BD\05BF\05C1\05C2\05C4\05C5\05C7',
    U&'\0627\0627\0627\0627\0647\064A\0648\064A\05DB\05DE\05E0\05E4\05E6\0435')
$$;--> statement-breakpoint
-- The words of a text: as written (simple) for every language, plus their stems in the text's own language
-- where PostgreSQL has a Snowball stemmer (English, Russian, Arabic; Hebrew has none). The first 50,000
-- characters of a text are searched: to_tsvector is linear, and the bound keeps one vector far below its 1 MB.
CREATE OR REPLACE FUNCTION public.kept_search_vector(lang text, t text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple'::regconfig, public.kept_search_fold(left(coalesce(t, ''), 50000)))
    || CASE lang
      WHEN 'en' THEN to_tsvector('english'::regconfig, public.kept_search_fold(left(coalesce(t, ''), 50000)))
      WHEN 'ru' THEN to_tsvector('russian'::regconfig, public.kept_search_fold(left(coalesce(t, ''), 50000)))
      WHEN 'ar' THEN to_tsvector('arabic'::regconfig, public.kept_search_fold(left(coalesce(t, ''), 50000)))
      ELSE ''::tsvector
    END
$$;--> statement-breakpoint
-- What someone typed, as words: all of them as written, or all of them stemmed in one of the stemmed
-- languages (a search does not say its language, and a stem of the wrong language only matches less).
CREATE OR REPLACE FUNCTION public.kept_search_query(q text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT plainto_tsquery('simple'::regconfig, public.kept_search_fold(left(q, 200)))
    || plainto_tsquery('english'::regconfig, public.kept_search_fold(left(q, 200)))
    || plainto_tsquery('russian'::regconfig, public.kept_search_fold(left(q, 200)))
    || plainto_tsquery('arabic'::regconfig, public.kept_search_fold(left(q, 200)))
$$;--> statement-breakpoint
-- A customer's searchable words: name, address, phone, and the phone's bare digits ("5055550142").
CREATE OR REPLACE FUNCTION public.kept_customer_words(name text, email text, phone text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')
    || ' ' || coalesce(regexp_replace(phone, '\D', '', 'g'), '')
$$;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (kept_search_vector(language, subject)) STORED;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (kept_search_vector(null, kept_customer_words(name, email, phone))) STORED;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (kept_search_vector(language, body)) STORED;--> statement-breakpoint
CREATE INDEX "cases_search_idx" ON "cases" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "customers_search_idx" ON "customers" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "messages_search_idx" ON "messages" USING gin ("search_vector");