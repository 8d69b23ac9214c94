/**
 * A local NATS cluster of three nodes (JetStream on each, routes between
 * them) from the machine's nats-server, on ports and store folders of its own:
 * the fault suite kills, restarts and partitions its nodes, and the benchmark
 * compares the pipeline on it with a single node.
 *
 * network 'loopback': every node on 127.0.0.1, each its own ports.
 * network 'netns': every node in a network namespace of its own (root only),
 * with two links: one to the host for clients, one to a bridge shared by the
 * nodes for the cluster routes; cutting a node's bridge link partitions it
 * from the two others while clients still reach all three.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { findBinary } from './binaries.js';
import { freePort } from './services.js';

export type ClusterNetwork = 'loopback' | 'netns';

export interface ClusterOptions {
  network?: ClusterNetwork;
  /** Extra lines for the `jetstream {}` block of every node, e.g. `sync_interval: always` (nats-server 2.10+). */
  jetstream?: string[];
}

interface NodeAddress {
  clientHost: string;
  clientPort: number;
  routeHost: string;
  routePort: number;
  /** The network namespace the node runs in ('netns' only). */
  netns?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function waitForPort(host: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = tcpConnect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** Keeps the last chunks a server process writes, to explain a start that failed. */
export function keepLastOutput(child: ChildProcess, output: string[], max = 50): void {
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > max) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
}

/** One nats-server of the cluster: kill -9 and start again keep its store, name and ports. */
export class ClusterNode {
  private child?: ChildProcess;
  private readonly output: string[] = [];

  constructor(
    readonly name: string,
    readonly address: NodeAddress,
    private readonly binary: string,
    private readonly configFile: string,
  ) {}

  get url(): string {
    return `nats://${this.address.clientHost}:${this.address.clientPort}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.running ? this.child!.pid : undefined;
  }

  async start(): Promise<void> {
    const [file, args] = this.address.netns
      ? [findBinary('ip'), ['netns', 'exec', this.address.netns, this.binary, '-c', this.configFile]]
      : [this.binary, ['-c', this.configFile]];
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    keepLastOutput(child, this.output);
    this.child = child;
    try {
      await waitForPort(this.address.clientHost, this.address.clientPort, 15_000);
    } catch (error) {
      throw new Error(`nats-server ${this.name} did not start: ${(error as Error).message}\n${this.output.join('')}`);
    }
  }

  /** SIGKILL (nothing flushed) or SIGTERM (a clean stop), and wait for the process to end. */
  async stop(signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  killNow(): void {
    if (this.running) this.child!.kill('SIGKILL');
  }

  logs(): string {
    return this.output.join('');
  }
}

export class NatsCluster {
  private admin?: NatsConnection;
  private readonly direct = new Map<ClusterNode, NatsConnection>();

  private constructor(
    readonly nodes: ClusterNode[],
    readonly baseDir: string,
    private readonly network: NetnsNetwork | undefined,
  ) {}

  static async start(options: ClusterOptions = {}): Promise<NatsCluster> {
    const binary = findBinary('nats-server');
    const baseDir = mkdtempSync(path.join(tmpdir(), 'depeche-nats-cluster-'));
    const network = options.network === 'netns' ? NetnsNetwork.create() : undefined;
    const addresses: NodeAddress[] = [];
    for (let i = 0; i < 3; i++) addresses.push(network ? network.address(i) : await loopbackAddress());
    const clusterName = `depeche-${randomBytes(3).toString('hex')}`;
    const nodes = addresses.map((address, i) => {
      const name = `n${i + 1}`;
      const store = path.join(baseDir, name);
      mkdirSync(store);
      const routes = addresses.filter((_, j) => j !== i).map((a) => `nats-route://${a.routeHost}:${a.routePort}`);
      const configFile = path.join(baseDir, `${name}.conf`);
      writeFileSync(configFile, nodeConfig(name, clusterName, address, store, routes, options.jetstream ?? []));
      return new ClusterNode(name, address, binary, configFile);
    });
    const cluster = new NatsCluster(nodes, baseDir, network);
    process.once('exit', () => cluster.disposeNow());
    try {
      await Promise.all(nodes.map((node) => node.start()));
      await cluster.waitForMetaLeader(30_000);
    } catch (error) {
      cluster.disposeNow();
      throw error;
    }
    return cluster;
  }

  /** Every node's client URL, comma-separated, as NATS_URL takes them. */
  get url(): string {
    return this.nodes.map((node) => node.url).join(',');
  }

  node(name: string): ClusterNode {
    const node = this.nodes.find((n) => n.name === name);
    if (!node) throw new Error(`no node ${name} in the cluster`);
    return node;
  }

  /** A connection for the test or bench itself (reconnects to any node). */
  async connection(): Promise<NatsConnection> {
    this.admin ??= await connect({ servers: this.url.split(','), name: 'cluster-admin', maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    return this.admin;
  }

  /** The node leading a stream's replicas, as JetStream reports it (retries while an election runs). */
  async leaderOf(stream: string, timeoutMs = 30_000): Promise<ClusterNode> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const leader = await this.currentLeader(stream).catch(() => undefined);
      if (leader) return leader;
      if (Date.now() > deadline) throw new Error(`stream ${stream} has no leader after ${timeoutMs} ms`);
      await sleep(100);
    }
  }

  /** A connection to one node only: a partitioned node answers for itself, so ask one on the other side. */
  private async via(node: ClusterNode): Promise<NatsConnection> {
    let nc = this.direct.get(node);
    if (!nc || nc.isClosed()) {
      nc = await connect({ servers: node.url, name: `cluster-admin-${node.name}`, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
      this.direct.set(node, nc);
    }
    return nc;
  }

  private async currentLeader(stream: string, asked?: ClusterNode): Promise<ClusterNode | undefined> {
    const jsm = await jetstreamManager(asked ? await this.via(asked) : await this.connection(), { timeout: 2000 });
    const name = (await jsm.streams.info(stream)).cluster?.leader;
    return name ? this.nodes.find((node) => node.name === name) : undefined;
  }

  /** Waits until a stream has a leader other than `previous`, and its replicas are all current; returns how long that took. */
  async waitForNewLeader(stream: string, previous: ClusterNode, timeoutMs = 60_000): Promise<{ leader: ClusterNode; ms: number }> {
    const started = Date.now();
    const answers = new Map<string, string>();
    for (;;) {
      // Ask each node of the majority side in turn: one that does not answer (its connection reconnecting, the node
      // rejoining) must not be the only one asked (a partition test once waited 60 s asking a single node).
      for (const asked of this.nodes.filter((node) => node !== previous && node.running)) {
        const leader = await this.currentLeader(stream, asked).catch((error: Error) => {
          answers.set(asked.name, error.message);
          return undefined;
        });
        if (leader && leader !== previous) return { leader, ms: Date.now() - started };
        if (leader) answers.set(asked.name, `leader ${leader.name}`);
      }
      if (Date.now() - started > timeoutMs)
        throw new Error(`stream ${stream}: no new leader after ${timeoutMs} ms; last answers: ${JSON.stringify(Object.fromEntries(answers))}`);
      await sleep(100);
    }
  }

  /** Until every replica of the stream is current (none offline nor behind); returns how long that took. */
  async waitForReplicasCurrent(stream: string, timeoutMs = 60_000): Promise<number> {
    const started = Date.now();
    for (;;) {
      // Right after a heal the node asked may still be rejoining: no answer is "not yet".
      const info = await this.connection()
        .then((nc) => jetstreamManager(nc, { timeout: 2000 }))
        .then((jsm) => jsm.streams.info(stream))
        .catch(() => undefined);
      const replicas = info?.cluster?.replicas ?? [];
      if (info?.cluster?.leader && replicas.length === this.nodes.length - 1 && replicas.every((r) => r.current && !r.offline && !r.lag))
        return Date.now() - started;
      if (Date.now() - started > timeoutMs) throw new Error(`stream ${stream}: replicas not current after ${timeoutMs} ms: ${JSON.stringify(info?.cluster)}`);
      await sleep(200);
    }
  }

  /** Cuts a node off from the two others (clients still reach it); 'netns' only. */
  partition(node: ClusterNode): void {
    if (!this.network) throw new Error('partitions need the cluster started with network: netns');
    this.network.cut(this.nodes.indexOf(node));
  }

  heal(node: ClusterNode): void {
    this.network?.mend(this.nodes.indexOf(node));
  }

  private async waitForMetaLeader(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const jsm = await jetstreamManager(await this.connection(), { timeout: 2000 });
        await jsm.getAccountInfo();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`the cluster has no JetStream meta leader after ${timeoutMs} ms: ${(error as Error).message}`);
        await sleep(250);
      }
    }
  }

  async dispose(): Promise<void> {
    await this.admin?.close().catch(() => undefined);
    for (const nc of this.direct.values()) await nc.close().catch(() => undefined);
    await Promise.all(this.nodes.map((node) => node.stop('SIGKILL')));
    this.disposeNow();
  }

  /** Synchronous, so it can run in an 'exit' handler after a crash. */
  disposeNow(): void {
    for (const node of this.nodes) node.killNow();
    this.network?.remove();
    rmSync(this.baseDir, { recursive: true, force: true });
  }
}

async function loopbackAddress(): Promise<NodeAddress> {
  return { clientHost: '127.0.0.1', clientPort: await freePort(), routeHost: '127.0.0.1', routePort: await freePort() };
}

function nodeConfig(name: string, clusterName: string, address: NodeAddress, store: string, routes: string[], jetstream: string[]): string {
  return [
    `server_name: ${name}`,
    `listen: "${address.clientHost}:${address.clientPort}"`,
    'max_payload: 8MB',
    `jetstream { store_dir: "${store}" ${jetstream.join(' ')} }`,
    'cluster {',
    `  name: ${clusterName}`,
    `  listen: "${address.routeHost}:${address.routePort}"`,
    `  routes: [${routes.map((r) => `"${r}"`).join(', ')}]`,
    '}',
    '',
  ].join('\n');
}

/**
 * Three network namespaces (one per node) and a fourth holding the bridge of
 * the cluster links, all named after one random tag, on a 10.x subnet the host
 * does not use. Node i: client link 10.x.(i+1).2 (host side .1), cluster link
 * 10.x.100.(i+1) on the bridge.
 */
class NetnsNetwork {
  private readonly ip = findBinary('ip');
  private constructor(
    private readonly tag: string,
    private readonly octet: number,
  ) {}

  static create(): NetnsNetwork {
    const used = execFileSync(findBinary('ip'), ['-4', '-o', 'addr'], { encoding: 'utf8' });
    const free = Array.from({ length: 100 }, (_, i) => 150 + i).filter((o) => !used.includes(` 10.${o}.`));
    const octet = free[Math.floor(Math.random() * free.length)]!;
    const network = new NetnsNetwork(randomBytes(2).toString('hex'), octet);
    try {
      network.build();
    } catch (error) {
      network.remove();
      throw error;
    }
    return network;
  }

  private get bridgeNs(): string {
    return `dpq${this.tag}sw`;
  }

  private nodeNs(i: number): string {
    return `dpq${this.tag}n${i + 1}`;
  }

  /** Interface names stay under Linux's 15 characters. */
  private link(kind: 'h' | 'c' | 'b', i: number, side: 'a' | 'b'): string {
    return `dq${this.tag}${kind}${i + 1}${side}`;
  }

  address(i: number): NodeAddress {
    return { clientHost: `10.${this.octet}.${i + 1}.2`, clientPort: 4222, routeHost: `10.${this.octet}.100.${i + 1}`, routePort: 6222, netns: this.nodeNs(i) };
  }

  private run(...args: string[]): void {
    execFileSync(this.ip, args, { stdio: 'pipe' });
  }

  private build(): void {
    this.run('netns', 'add', this.bridgeNs);
    this.run('-n', this.bridgeNs, 'link', 'add', 'br0', 'type', 'bridge');
    this.run('-n', this.bridgeNs, 'link', 'set', 'br0', 'up');
    for (let i = 0; i < 3; i++) {
      const ns = this.nodeNs(i);
      this.run('netns', 'add', ns);
      this.run('-n', ns, 'link', 'set', 'lo', 'up');
      // Client link: host <-> node.
      const [hostSide, nodeSide] = [this.link('h', i, 'a'), this.link('h', i, 'b')];
      this.run('link', 'add', hostSide, 'type', 'veth', 'peer', 'name', nodeSide);
      this.run('link', 'set', nodeSide, 'netns', ns);
      this.run('addr', 'add', `10.${this.octet}.${i + 1}.1/24`, 'dev', hostSide);
      this.run('link', 'set', hostSide, 'up');
      this.run('-n', ns, 'addr', 'add', `10.${this.octet}.${i + 1}.2/24`, 'dev', nodeSide);
      this.run('-n', ns, 'link', 'set', nodeSide, 'up');
      // Cluster link: node <-> bridge.
      const [bridgePort, nodePort] = [this.link('b', i, 'a'), this.link('c', i, 'b')];
      this.run('link', 'add', bridgePort, 'type', 'veth', 'peer', 'name', nodePort);
      this.run('link', 'set', bridgePort, 'netns', this.bridgeNs);
      this.run('link', 'set', nodePort, 'netns', ns);
      this.run('-n', this.bridgeNs, 'link', 'set', bridgePort, 'master', 'br0');
      this.run('-n', this.bridgeNs, 'link', 'set', bridgePort, 'up');
      this.run('-n', ns, 'addr', 'add', `10.${this.octet}.100.${i + 1}/24`, 'dev', nodePort);
      this.run('-n', ns, 'link', 'set', nodePort, 'up');
    }
  }

  cut(i: number): void {
    this.run('-n', this.bridgeNs, 'link', 'set', this.link('b', i, 'a'), 'down');
  }

  mend(i: number): void {
    this.run('-n', this.bridgeNs, 'link', 'set', this.link('b', i, 'a'), 'up');
  }

  /** Deleting a namespace deletes the veths in it, and with them their peers on the host. */
  remove(): void {
    for (const ns of [this.bridgeNs, ...[0, 1, 2].map((i) => this.nodeNs(i))]) {
      try {
        this.run('netns', 'del', ns);
      } catch {
        // never made, or already gone
      }
    }
    for (let i = 0; i < 3; i++) {
      try {
        this.run('link', 'del', this.link('h', i, 'a'));
      } catch {
        // gone with its namespace
      }
    }
  }

  /** Whether this machine lets us make namespaces and veths (root, a kernel with veth). Returns the reason when not. */
  static unavailable(): string | undefined {
    if (process.getuid?.() !== 0) return 'network namespaces need root';
    const probe = `dpqprobe${randomBytes(2).toString('hex')}`;
    try {
      const ip = findBinary('ip');
      execFileSync(ip, ['netns', 'add', probe], { stdio: 'pipe' });
      execFileSync(ip, ['-n', probe, 'link', 'add', 'pa', 'type', 'veth', 'peer', 'name', 'pb'], { stdio: 'pipe' });
      return undefined;
    } catch (error) {
      return `this machine refuses network namespaces or veths: ${(error as Error).message.split('\n')[0]}`;
    } finally {
      try {
        execFileSync(findBinary('ip'), ['netns', 'del', probe], { stdio: 'pipe' });
      } catch {
        // nothing to remove
      }
    }
  }
}

/** Why a 'netns' cluster cannot run here, or undefined when it can. */
export const netnsUnavailable = (): string | undefined => NetnsNetwork.unavailable();
