import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type FactoryProvider,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { streamNames, subjectsFor, type MessagingServiceName, type Subjects } from '#contracts';
import { DeadLetterPublisher } from './dead-letter.js';
import { EventPublisher } from './event-publisher.js';
import { IntakeStatusReporter } from './intake-status.reporter.js';
import { JetStreamServer } from './jetstream.server.js';
import { connectNats, isNatsReady } from './nats-connection.js';
import { ensureStreams, type StreamSettings } from './stream-provisioner.js';
import type { RetryPolicy } from './delivery-outcome.js';

export interface MessagingOptions {
  service: MessagingServiceName;
  url: string;
  user?: string;
  password?: string;
  streams: StreamSettings;
}

export interface ConsumeOptions {
  filterSubject: string;
  concurrency: number;
  ackWaitMs: number;
  maxHandlingMs: number;
  retry: RetryPolicy;
}

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const SUBJECTS = Symbol('SUBJECTS');

type ShutdownStep = () => Promise<void>;

/**
 * Owns the service's NATS connection. On shutdown the consumer stops first
 * (in-flight messages finish and are acked), then every step registered with
 * beforeDrain runs (the outbox relay flushing, while the database is still
 * open), and the connection drains last.
 */
@Injectable()
export class MessagingRuntime implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private readonly steps: ShutdownStep[] = [];
  private server?: JetStreamServer;

  constructor(
    @Inject(NATS_CONNECTION) readonly connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(SUBJECTS) readonly subjects: Subjects,
    readonly publisher: EventPublisher,
  ) {}

  beforeDrain(step: ShutdownStep): void {
    this.steps.push(step);
  }

  /** The transport for `app.connectMicroservice({ strategy })`, on this service's durable consumer. */
  createServer(consume: ConsumeOptions): JetStreamServer {
    const { service } = this.options;
    this.server = new JetStreamServer({
      connection: this.connection,
      consumer: {
        stream: streamNames(this.subjects.namespace).events,
        durable: service,
        filterSubject: consume.filterSubject,
        ackWaitMs: consume.ackWaitMs,
        maxAckPending: Math.max(1000, consume.concurrency * 20),
      },
      concurrency: consume.concurrency,
      maxHandlingMs: consume.maxHandlingMs,
      retry: consume.retry,
      deadLetters: new DeadLetterPublisher(this.publisher, service),
    });
    return this.server;
  }

  isReady(): boolean {
    return isNatsReady(this.connection) && (this.server ? this.server.isConsuming() : true);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.server?.close();
    for (const step of this.steps) await step();
  }

  async onApplicationShutdown(): Promise<void> {
    this.logger.log('draining NATS connection');
    await this.connection.drain();
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const subjects = subjectsFor(options.streams.namespace);
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: SUBJECTS, useValue: subjects },
        {
          provide: NATS_CONNECTION,
          useFactory: async () => {
            const logger = new Logger('NATS');
            const nc = await connectNats(
              { url: options.url, name: `depeche-${options.service}`, user: options.user || undefined, password: options.password || undefined },
              logger,
            );
            await ensureStreams(await jetstreamManager(nc), options.streams);
            return nc;
          },
        },
        { provide: EventPublisher, useFactory: (nc: NatsConnection) => new EventPublisher(nc, options.streams.namespace), inject: [NATS_CONNECTION] },
        MessagingRuntime,
      ],
      exports: [NATS_CONNECTION, SUBJECTS, EventPublisher, MessagingRuntime],
    };
  }
}

/** The intake status reporter, for the one service that reports outcomes to ingest (publishing). */
export function intakeStatusReporterProvider(streams: Pick<StreamSettings, 'namespace' | 'replicas'>): FactoryProvider<Promise<IntakeStatusReporter>> {
  return {
    provide: IntakeStatusReporter,
    useFactory: (nc: NatsConnection) => IntakeStatusReporter.open(nc, streams.namespace, streams.replicas),
    inject: [NATS_CONNECTION],
  };
}
