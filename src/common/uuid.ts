/** A UUID in its usual text form (any version), as ids travel in paths, tokens and cursors. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Anything but a UUID: for names that share an address with ids (slugs), which would be looked up as one. */
export const NOT_A_UUID = new RegExp(`^(?!${UUID.source.slice(1, -1)}$)`, 'i');
