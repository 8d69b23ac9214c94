// Generated from the OpenAPI document by scripts/desk-api-types.ts (npm run build:desk). Do not edit.
export interface paths {
    "/v1/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List published articles, newest first, or ranked by relevance with q */
        get: operations["ArticlesController_list"];
        put?: never;
        post?: never;
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
        /**
         * One article as a ninjs 3.1 document, or as a NewsML-G2 2.35 news item
         * @description NewsML-G2 with ?format=newsml-g2 or Accept: application/vnd.iptc.g2.newsitem+xml; ninjs otherwise.
         */
        get: operations["ArticlesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The article's tags with their provenance and confidence, and the tags editors removed */
        get: operations["ArticlesController_tags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every stored version of an article, oldest first, with what produced it */
        get: operations["ArticlesController_revisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/feeds/sections/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest articles of a section, as Atom 1.0 (.atom) or JSON Feed (.json) */
        get: operations["SyndicationFeedsController_section"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/feeds/topics/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest articles on an IPTC Media Topic, as Atom 1.0 (.atom) or JSON Feed (.json) */
        get: operations["SyndicationFeedsController_topic"];
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
    ArticlesController_list: {
        parameters: {
            query?: {
                /** @description Section name or slug ("Économie" or "economie"). */
                section?: string;
                /** @description ISO 639-1 code, e.g. "fr". */
                language?: string;
                /** @description IPTC Media Topic code: "medtop:04000000" or "04000000". */
                topic?: string;
                /** @description Entity identifier ("Q380") or name ("Meta", accents and case ignored). */
                entity?: string;
                /** @description Published at or after (ISO 8601). */
                since?: string;
                /** @description Published before (ISO 8601). */
                until?: string;
                /** @description Full-text search in each article's language, accent-insensitive; results ranked. */
                q?: string;
                /** @description Page size, 1 to 100 (default 20). */
                limit?: string;
                /** @description The `next` value of the previous page. */
                cursor?: string;
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
                            /** Format: uuid */
                            id: string;
                            uri: string;
                            headline: string;
                            standfirst?: string;
                            language?: string;
                            section?: string;
                            revision: number;
                            /** Format: date-time */
                            publishedAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description Search rank (with q). */
                            score?: number;
                            url: string;
                        }[];
                        /** @description Pass as ?cursor= to get the next page; absent on the last page. */
                        next?: string;
                    };
                };
            };
        };
    };
    ArticlesController_get: {
        parameters: {
            query?: {
                /** @description ninjs (default) or newsml-g2; wins over the Accept header */
                format?: "ninjs" | "newsml-g2";
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
                    "application/json": Record<string, never>;
                    "application/vnd.iptc.g2.newsitem+xml": Record<string, never>;
                };
            };
            /** @description Unknown, or still under embargo */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Killed: withdrawn, with the reason */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ArticlesController_tags: {
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
                        revision: number;
                        tagger?: string;
                        subjects: {
                            /** @description Subject code, entity id or the keyword itself */
                            id: string;
                            name: string;
                            score?: number;
                            /** @description Mentions in the body (entities) */
                            count?: number;
                            provenance: {
                                /** @description provider, editor or enrichment */
                                source: string;
                                /** @description The tagger and its version, or the provider */
                                by?: string;
                                confidence?: number;
                            };
                        }[];
                        people: {
                            /** @description Subject code, entity id or the keyword itself */
                            id: string;
                            name: string;
                            score?: number;
                            /** @description Mentions in the body (entities) */
                            count?: number;
                            provenance: {
                                /** @description provider, editor or enrichment */
                                source: string;
                                /** @description The tagger and its version, or the provider */
                                by?: string;
                                confidence?: number;
                            };
                        }[];
                        organisations: {
                            /** @description Subject code, entity id or the keyword itself */
                            id: string;
                            name: string;
                            score?: number;
                            /** @description Mentions in the body (entities) */
                            count?: number;
                            provenance: {
                                /** @description provider, editor or enrichment */
                                source: string;
                                /** @description The tagger and its version, or the provider */
                                by?: string;
                                confidence?: number;
                            };
                        }[];
                        places: {
                            /** @description Subject code, entity id or the keyword itself */
                            id: string;
                            name: string;
                            score?: number;
                            /** @description Mentions in the body (entities) */
                            count?: number;
                            provenance: {
                                /** @description provider, editor or enrichment */
                                source: string;
                                /** @description The tagger and its version, or the provider */
                                by?: string;
                                confidence?: number;
                            };
                        }[];
                        keywords: {
                            /** @description Subject code, entity id or the keyword itself */
                            id: string;
                            name: string;
                            score?: number;
                            /** @description Mentions in the body (entities) */
                            count?: number;
                            provenance: {
                                /** @description provider, editor or enrichment */
                                source: string;
                                /** @description The tagger and its version, or the provider */
                                by?: string;
                                confidence?: number;
                            };
                        }[];
                        /** @description Removed by an editor: no tagger puts them back */
                        removed: {
                            type: "subject" | "person" | "organisation" | "place" | "keyword";
                            id: string;
                            name?: string;
                        }[];
                    };
                };
            };
            /** @description Killed */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ArticlesController_revisions: {
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
                        items: {
                            revision: number;
                            /** @description What produced it: submit, update, correct, kill or reenrich. */
                            action: string;
                            /** @description The correction note or the kill reason. */
                            note?: string;
                            /** @description The tagger version of its automatic tags. */
                            tagger?: string;
                            correlationId?: string;
                            /** Format: uuid */
                            eventId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description That version as a ninjs 3.1 document. */
                            document: Record<string, never>;
                        }[];
                    };
                };
            };
            /** @description Killed: the history is withdrawn too */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SyndicationFeedsController_section: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Section slug, then .atom or .json */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SyndicationFeedsController_topic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Media Topic code (with or without "medtop:"), then .atom or .json */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
