/** The UI's languages: Vietnamese first, English second. */
export type Locale = 'vi' | 'en';
