/**
 * Passwords that appear at the top of every published breach list (international and German),
 * keyboard walks, and words an official would reach for first. A password is refused when it is
 * one of these, or one of these with digits and punctuation around it ("Passwort2024!"), see
 * passwordPolicy.ts. Small on purpose: it catches the guesses an attacker tries first, without
 * shipping a breach corpus. Lower case; compared after lower-casing.
 */
const WORDS = `
123456 123456789 12345678 12345 1234567 1234567890 123123 111111 000000 654321 666666 121212 112233
123321 987654321 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1234qwer qwer1234 abc123 abcd1234 a1b2c3 a1b2c3d4
password password1 passw0rd p4ssw0rd p@ssw0rd pass pass123 password123 passwort passwort1 kennwort
geheim geheimnis zugang login admin administrator root user benutzer guest gast test tester
testtest test123 demo demo123 default changeme letmein welcome willkommen hallo hallo123 hello
hello123 master secret service support system server office computer internet sommer winter
fruehling frühling herbst januar februar maerz märz april mai juni juli august september oktober
november dezember montag dienstag mittwoch donnerstag freitag samstag sonntag qwerty qwertz
qwertzu qwertzui qwertzuiop qwertyuiop asdfgh asdfghjk asdfghjkl yxcvbnm zxcvbnm asdf qaywsx
qayxsw ywsxedc 1qay2wsx mnbvcxy poiuztrewq lkjhgfdsa iloveyou ichliebedich liebe schatz
schatzi mausi hase hasi baerchen bärchen engel sonne sonnenschein blume blumen prinzessin
princess dragon drache monkey shadow sunshine football fussball fußball baseball soccer
superman batman starwars pokemon minecraft killer hunter ranger jordan michael michelle
daniel thomas andreas stefan markus christian alexander sabine petra claudia andrea nicole
julia anna maria lisa laura sarah lena hannah leon lukas jonas felix paul max maximilian
deutschland germany berlin hamburg muenchen münchen koeln köln frankfurt wiesbaden kassel
darmstadt giessen gießen fulda marburg hessen hessenland eschwege offenbach bayern
borussia schalke eintracht werder bundesliga mercedes porsche ferrari audi volkswagen bmw
trustno1 whatever freedom princess1 charlie ginger tigger cookie chocolate schokolade
computer1 internet1 google facebook microsoft windows linux apple samsung nokia
zielvereinbarung vereinbar vereinbarung ausbildung qualifizierung budget ministerium
landkreis landrat landraetin landrätin kreis stadt referat verwaltung behoerde behörde
hmsi arbeit soziales integration jugend familie familie1 kinder garten katze hund
fischer mueller müller schmidt schneider meyer weber wagner becker schulz hoffmann
sommer2024 sommer2025 winter2024 winter2025 herbst2024 herbst2025 fruehling2025
januar2025 passwort2024 passwort2025 passwort2026 welcome2024 welcome2025 hallo2025
abcdefgh abcdefghijk abcdefghijkl abcdefg abc abcd abcde abcdef
aaaaaa aaaaaaaa aaaaaaaaaaaa 111111111111 123456789012 1234567890ab 12345678910
1234512345 123412341234 123123123 123123123123 121212121212 696969 7777777 88888888
987654 9876543210 0987654321 102030 11223344 147258369 159753 159357 258456 741852963
789456123 456789 147852 963852741 1122334455 asdf1234 asdfasdf qwerqwer zaq12wsx
zaq1zaq1 !qaz2wsx 1q2w3e 1q2w3e4r5t6y 1q2w3e4r5t6z q1w2e3r4 q1w2e3r4t5 qwe123 qweasd
qweasdyxc qweasdzxc asd123 yxc123 mustermann musterfrau max.mustermann erika.mustermann
startstart start123 startklar sicher sicherheit sicherespasswort neuespasswort
meinpasswort mein.passwort einmalpasswort initial initialpasswort erstpasswort
ersteanmeldung anmeldung anmelden zugangsdaten kennwort1 kennwort123 geheim123
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((word) => word.length > 0));
