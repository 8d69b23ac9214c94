// Generated from the OpenAPI document by scripts/desk-api-types.ts (npm run build:desk). Do not edit.
export interface paths {
    "/v1/subscribers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every subscriber with its health: last success, last error, backlog, pause */
        get: operations["SubscribersController_list"];
        put?: never;
        /**
         * Register a subscriber; the answer holds its signing secret, shown this once
         * @description With `from` in the past, the lifecycle events the stream still holds from then on are replayed to it first.
         */
        post: operations["SubscribersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscribers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SubscribersController_get"];
        put?: never;
        post?: never;
        delete: operations["SubscribersController_remove"];
        options?: never;
        head?: never;
        /** Change a subscriber, or pause and resume it (resuming delivers its backlog) */
        patch: operations["SubscribersController_update"];
        trace?: never;
    };
    "/v1/subscribers/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log, newest first: every event owed, its attempts and what came of them */
        get: operations["SubscribersController_log"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscribers/{id}/deliveries/{delivery}/redrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Owe a failed delivery again, now */
        post: operations["SubscribersController_redrive"];
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
    SubscribersController_list: {
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
                            /** Format: uuid */
                            id: string;
                            name: string;
                            url: string;
                            format: "ninjs" | "newsml-g2";
                            filter: {
                                /** @description published, updated, corrected, killed */
                                events?: ("published" | "updated" | "corrected" | "killed")[];
                                /** @description primary language subtags (fr, en); "fr" takes fr-CA too */
                                languages?: string[];
                                /** @description sections, compared as the routed subjects spell them (Économie = economie) */
                                sections?: string[];
                                /** @description IPTC Media Topics, with or without "medtop:": a story with any of them */
                                topics?: string[];
                                /** @description the sources stories came from (editor, an agency, a feed) */
                                sources?: string[];
                            };
                            status: "active" | "paused";
                            pausedReason?: string;
                            /** Format: date-time */
                            deliverFrom: string;
                            consecutiveFailures: number;
                            /** Format: date-time */
                            lastSuccessAt?: string;
                            lastError?: string;
                            /** Format: date-time */
                            lastErrorAt?: string;
                            /** @description deliveries not made yet */
                            backlog: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
        };
    };
    SubscribersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    url: string;
                    format?: "ninjs" | "newsml-g2";
                    filter?: {
                        /** @description published, updated, corrected, killed */
                        events?: ("published" | "updated" | "corrected" | "killed")[];
                        /** @description primary language subtags (fr, en); "fr" takes fr-CA too */
                        languages?: string[];
                        /** @description sections, compared as the routed subjects spell them (Économie = economie) */
                        sections?: string[];
                        /** @description IPTC Media Topics, with or without "medtop:": a story with any of them */
                        topics?: string[];
                        /** @description the sources stories came from (editor, an agency, a feed) */
                        sources?: string[];
                    };
                    /**
                     * Format: date-time
                     * @description deliver events from this time on (default: now)
                     */
                    from?: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        url: string;
                        format: "ninjs" | "newsml-g2";
                        filter: {
                            /** @description published, updated, corrected, killed */
                            events?: ("published" | "updated" | "corrected" | "killed")[];
                            /** @description primary language subtags (fr, en); "fr" takes fr-CA too */
                            languages?: string[];
                            /** @description sections, compared as the routed subjects spell them (Économie = economie) */
                            sections?: string[];
                            /** @description IPTC Media Topics, with or without "medtop:": a story with any of them */
                            topics?: string[];
                            /** @description the sources stories came from (editor, an agency, a feed) */
                            sources?: string[];
                        };
                        status: "active" | "paused";
                        pausedReason?: string;
                        /** Format: date-time */
                        deliverFrom: string;
                        consecutiveFailures: number;
                        /** Format: date-time */
                        lastSuccessAt?: string;
                        lastError?: string;
                        /** Format: date-time */
                        lastErrorAt?: string;
                        /** @description deliveries not made yet */
                        backlog: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    } & {
                        secret: string;
                    };
                };
            };
        };
    };
    SubscribersController_get: {
        parameters: {
            query?: never;
            header?: never;
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
                        id: string;
                        name: string;
                        url: string;
                        format: "ninjs" | "newsml-g2";
                        filter: {
                            /** @description published, updated, corrected, killed */
                            events?: ("published" | "updated" | "corrected" | "killed")[];
                            /** @description primary language subtags (fr, en); "fr" takes fr-CA too */
                            languages?: string[];
                            /** @description sections, compared as the routed subjects spell them (Économie = economie) */
                            sections?: string[];
                            /** @description IPTC Media Topics, with or without "medtop:": a story with any of them */
                            topics?: string[];
                            /** @description the sources stories came from (editor, an agency, a feed) */
                            sources?: string[];
                        };
                        status: "active" | "paused";
                        pausedReason?: string;
                        /** Format: date-time */
                        deliverFrom: string;
                        consecutiveFailures: number;
                        /** Format: date-time */
                        lastSuccessAt?: string;
                        lastError?: string;
                        /** Format: date-time */
                        lastErrorAt?: string;
                        /** @description deliveries not made yet */
                        backlog: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    SubscribersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SubscribersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    url?: string;
                    format?: "ninjs" | "newsml-g2";
                    filter?: {
                        /** @description published, updated, corrected, killed */
                        events?: ("published" | "updated" | "corrected" | "killed")[];
                        /** @description primary language subtags (fr, en); "fr" takes fr-CA too */
                        languages?: string[];
                        /** @description sections, compared as the routed subjects spell them (Économie = economie) */
                        sections?: string[];
                        /** @description IPTC Media Topics, with or without "medtop:": a story with any of them */
                        topics?: string[];
                        /** @description the sources stories came from (editor, an agency, a feed) */
                        sources?: string[];
                    };
                    status?: "active" | "paused";
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        url: string;
                        format: "ninjs" | "newsml-g2";
                        filter: {
                            /** @description published, updated, corrected, killed */
                            events?: ("published" | "updated" | "corrected" | "killed")[];
                            /** @description primary language subtags (fr, en); "fr" takes fr-CA too */
                            languages?: string[];
                            /** @description sections, compared as the routed subjects spell them (Économie = economie) */
                            sections?: string[];
                            /** @description IPTC Media Topics, with or without "medtop:": a story with any of them */
                            topics?: string[];
                            /** @description the sources stories came from (editor, an agency, a feed) */
                            sources?: string[];
                        };
                        status: "active" | "paused";
                        pausedReason?: string;
                        /** Format: date-time */
                        deliverFrom: string;
                        consecutiveFailures: number;
                        /** Format: date-time */
                        lastSuccessAt?: string;
                        lastError?: string;
                        /** Format: date-time */
                        lastErrorAt?: string;
                        /** @description deliveries not made yet */
                        backlog: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    SubscribersController_log: {
        parameters: {
            query: {
                status: string;
                before: string;
                limit: string;
            };
            header?: never;
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
                        items: {
                            /** @description the delivery’s number, for redrive */
                            id: string;
                            /** @description the webhook-id header: the same on every attempt */
                            webhookId: string;
                            /** Format: uuid */
                            eventId: string;
                            type: string;
                            /** Format: uuid */
                            articleId: string;
                            revision: number;
                            status: "pending" | "delivered" | "failed";
                            attempts: number;
                            lastStatus?: number;
                            lastError?: string;
                            latencyMs?: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            lastAttemptAt?: string;
                            /** Format: date-time */
                            nextAttemptAt?: string;
                            /** Format: date-time */
                            deliveredAt?: string;
                        }[];
                    };
                };
            };
        };
    };
    SubscribersController_redrive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                delivery: string;
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
                        /** @description the delivery’s number, for redrive */
                        id: string;
                        /** @description the webhook-id header: the same on every attempt */
                        webhookId: string;
                        /** Format: uuid */
                        eventId: string;
                        type: string;
                        /** Format: uuid */
                        articleId: string;
                        revision: number;
                        status: "pending" | "delivered" | "failed";
                        attempts: number;
                        lastStatus?: number;
                        lastError?: string;
                        latencyMs?: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        lastAttemptAt?: string;
                        /** Format: date-time */
                        nextAttemptAt?: string;
                        /** Format: date-time */
                        deliveredAt?: string;
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
