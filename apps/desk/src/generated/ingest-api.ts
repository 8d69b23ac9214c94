// Generated from the OpenAPI document by scripts/desk-api-types.ts (npm run build:desk). Do not edit.
export interface paths {
    "/v1/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit an article (an embargo holds it back until its time) */
        post: operations["ArticlesController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace an article with a new version (a new revision, an updated event) */
        put: operations["ArticlesController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct an article: the corrected version plus a correction note shown to readers */
        post: operations["ArticlesController_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/kill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kill an article: withdrawn from every read path, and a killed event with the reason to every consumer */
        post: operations["ArticlesController_kill"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the article is: received, enriched, published or rejected */
        get: operations["ArticlesController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["WireController_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wire/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The intake log: every item that reached intake and what became of it, newest first */
        get: operations["WireItemsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wire/items/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WireItemsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["FeedRegistrationsController_list"];
        put?: never;
        post: operations["FeedRegistrationsController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DeadLettersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dead-letters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DeadLettersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dead-letters/{id}/redrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DeadLettersController_redrive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API key the request came with: its name and scopes */
        get: operations["WhoamiController_whoami"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MetricsController_metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ArticlesController_submit: {
        parameters: {
            query?: never;
            header: {
                /** @description Follows the request through every service; generated when absent */
                "X-Correlation-Id"?: string;
                "x-correlation-id": string;
                "idempotency-key": string;
                /** @description Without an externalId: a retry with the same key is the same article; the key reused for different content answers 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    headline: string;
                    body: string;
                    standfirst?: string;
                    section?: string;
                    byline?: string;
                    language?: string;
                    source?: string;
                    externalId?: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 time before which the story must not appear
                     */
                    embargo?: string;
                    tags?: {
                        add?: {
                            type: "subject" | "person" | "organisation" | "place" | "keyword";
                            name: string;
                            id?: string;
                        }[];
                        remove?: {
                            type: "subject" | "person" | "organisation" | "place" | "keyword";
                            name: string;
                            id?: string;
                        }[];
                    };
                };
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description application/problem+json naming each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The key lacks the scope, or may not change this story (another newsroom's, or agency copy without the wire scope) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ArticlesController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description Follows the request through every service; generated when absent */
                "X-Correlation-Id"?: string;
                "x-correlation-id": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    headline: string;
                    body: string;
                    standfirst?: string;
                    section?: string;
                    byline?: string;
                    language?: string;
                    source?: string;
                    externalId?: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 time before which the story must not appear
                     */
                    embargo?: string;
                    tags?: {
                        add?: {
                            type: "subject" | "person" | "organisation" | "place" | "keyword";
                            name: string;
                            id?: string;
                        }[];
                        remove?: {
                            type: "subject" | "person" | "organisation" | "place" | "keyword";
                            name: string;
                            id?: string;
                        }[];
                    };
                };
            };
        };
        responses: {
            /** @description Accepted; follow statusUrl */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        status: "received" | "duplicate";
                        statusUrl: string;
                        correlationId: string;
                    };
                };
            };
            /** @description application/problem+json naming each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The key lacks the scope, or may not change this story (another newsroom's, or agency copy without the wire scope) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such article was received here */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ArticlesController_correct: {
        parameters: {
            query?: never;
            header: {
                /** @description Follows the request through every service; generated when absent */
                "X-Correlation-Id"?: string;
                "x-correlation-id": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    headline: string;
                    body: string;
                    standfirst?: string;
                    section?: string;
                    byline?: string;
                    language?: string;
                    /**
                     * Format: date-time
                     * @description ISO 8601 time before which the story must not appear
                     */
                    embargo?: string;
                    tags?: {
                        add?: {
                            type: "subject" | "person" | "organisation" | "place" | "keyword";
                            name: string;
                            id?: string;
                        }[];
                        remove?: {
                            type: "subject" | "person" | "organisation" | "place" | "keyword";
                            name: string;
                            id?: string;
                        }[];
                    };
                    /** @description The visible correction note ("An earlier version misspelt …") */
                    note: string;
                };
            };
        };
        responses: {
            /** @description Accepted; follow statusUrl */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        status: "received" | "duplicate";
                        statusUrl: string;
                        correlationId: string;
                    };
                };
            };
            /** @description application/problem+json naming each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The key lacks the scope, or may not change this story (another newsroom's, or agency copy without the wire scope) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such article was received here */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ArticlesController_kill: {
        parameters: {
            query?: never;
            header: {
                /** @description Follows the request through every service; generated when absent */
                "X-Correlation-Id"?: string;
                "x-correlation-id": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why the story is withdrawn; sent to every consumer */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Accepted; follow statusUrl */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        status: "received" | "duplicate";
                        statusUrl: string;
                        correlationId: string;
                    };
                };
            };
            /** @description application/problem+json naming each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The key lacks the scope, or may not change this story (another newsroom's, or agency copy without the wire scope) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such article was received here */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ArticlesController_status: {
        parameters: {
            query?: never;
            header?: {
                /** @description Follows the request through every service; generated when absent */
                "X-Correlation-Id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        articleId: string;
                        status: "received" | "enriched" | "embargoed" | "published" | "killed" | "stale" | "rejected";
                        reason?: string;
                        correlationId?: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Accepted; follow statusUrl */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        status: "received" | "duplicate";
                        statusUrl: string;
                        correlationId: string;
                    };
                };
            };
            /** @description application/problem+json naming each bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The key lacks the scope, or may not change this story (another newsroom's, or agency copy without the wire scope) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such article was received here */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WireController_receive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WireItemsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: ({
                            /** @description The line's cursor (a stream sequence): `before` for the next page, the SSE event id */
                            id: string;
                        } & {
                            /** Format: date-time */
                            receivedAt: string;
                            channel: "wire" | "feed";
                            source: string;
                            newsroom: string;
                            key?: string;
                            feed?: string;
                            format?: string;
                            index?: number;
                            guid?: string;
                            version?: number;
                            headline?: string;
                            language?: string;
                            outcome: "new" | "updated" | "duplicate" | "stale" | "killed" | "tombstone" | "rejected";
                            reason?: string;
                            /** Format: uuid */
                            articleId?: string;
                        } & {
                            /** @description The article's intake status now */
                            status?: {
                                status: string;
                                reason?: string;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                        })[];
                        /** @description Pass as `before` for the next page; absent on the last */
                        next?: string;
                    };
                };
            };
        };
    };
    WireItemsController_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FeedRegistrationsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            url: string;
                            intervalSeconds: number;
                            source: string;
                            /** Format: date-time */
                            createdAt: string;
                            etag?: string;
                            lastModified?: string;
                            /** Format: date-time */
                            lastPolledAt?: string;
                            lastError?: string;
                            consecutiveFailures: number;
                            /** Format: date-time */
                            nextPollAt: string;
                            counts: {
                                new: number;
                                updated: number;
                                duplicate: number;
                                killed: number;
                                stale: number;
                                rejected: number;
                            };
                            /** @description Why the feed is not polled */
                            disabled?: string;
                            lease?: {
                                owner: string;
                                until: string;
                            };
                        }[];
                    };
                };
            };
        };
    };
    FeedRegistrationsController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeadLettersController_list: {
        parameters: {
            query: {
                after: string;
                limit: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Its sequence in the dead-letter stream */
                            id: number;
                            correlationId: string;
                            letter: {
                                service: string;
                                subject: string;
                                payload: string;
                                payloadEncoding: "utf8" | "base64";
                                headers: {
                                    [key: string]: string;
                                };
                                error: string;
                                reason: "invalid" | "exhausted";
                                deliveryCount: number;
                                streamSequence?: number;
                                /** Format: date-time */
                                failedAt: string;
                            };
                        }[];
                        next?: number;
                    };
                };
            };
        };
    };
    DeadLettersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeadLettersController_redrive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WhoamiController_whoami: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The key's name */
                        name: string;
                        /** @description The scopes the key holds */
                        scopes: string[];
                        /** @description What it may do: admin grants every scope */
                        grants: string[];
                    };
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MetricsController_metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
