export declare const API_TYPES_FILE: string;
export declare function apiTypesFrom(document: object): Promise<string>;
