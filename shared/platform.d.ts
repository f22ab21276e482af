/**
 * The Web APIs that shared/ uses as globals and that both sides provide (browsers, Node 20).
 * shared/ is checked without the DOM and without Node's types (tsconfig.shared.json), so that
 * neither side's globals leak into it; what it may rely on is declared here, by name. These
 * function declarations merge with the DOM's (client) and Node's (server) ones. Randomness comes
 * from lib0/webcrypto instead: a global `crypto` cannot be declared so that it merges with both.
 */
declare function atob(data: string): string;
declare function btoa(data: string): string;
