/** What service specs build on: `#runtime/testing` (test code only; it needs jest). */
export { autoMock, type AutoMocked } from './auto-mock.js';
export { newTestService, type TestService } from './test-service.js';
