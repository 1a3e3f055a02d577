export declare const EVENT_TYPES_FILE: string;
export declare function eventTypesFrom(root: string): string;
