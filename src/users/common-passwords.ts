/**
 * Long but guessable passwords seen again and again in breach lists and cracking
 * dictionaries. Compared case-insensitively; anything under 12 characters is refused anyway.
 */
export const COMMON_PASSWORDS = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '111111111111', '000000000000',
  '123123123123', '121212121212', 'abcdefghijkl', 'abc123abc123', 'qwertyuiopas', 'qwertyuiop12',
  'qwertyuiop123', '1qaz2wsx3edc', '1q2w3e4r5t6y', 'zaq12wsxcde3', 'asdfghjkl123', 'password1234',
  'password12345', 'password123456', 'passwordpassword', 'password1password1', 'p@ssw0rd1234', 'passw0rd1234',
  'iloveyou1234', 'letmein12345', 'welcome12345', 'welcome123456', 'changeme1234', 'administrator',
  'administrator1', 'admin1234567', 'adminadmin12', 'football1234', 'baseball1234', 'sunshine1234',
  'princess1234', 'trustno1trustno1', 'monkey123456', 'dragon123456', 'superman1234', 'starwars1234',
  'mypassword123', 'nhspassword1', 'nhspassword123', 'nhsnhsnhsnhs', 'qwerty123456', 'qwertyqwerty',
  'aaaaaaaaaaaa', 'abcabcabcabc', 'correcthorsebatterystaple', 'thisismypassword', 'secret123456',
  'letmeinletmein', 'january12345', 'summer123456', 'winter123456', 'autumn123456', 'spring123456',
]);
