import { CODE_LIMITS } from '@beian/shared';
import { DAY } from '../regulator/workflow.support';
import { api, useTwoTestApps } from '../support/test-app';
import { codesAccount, grantCodes, grantSmsCode, registerInstance, type Account } from './codes.support';

const RACE_TIMEOUT = 60_000;
const RACERS = 6;

/**
 * Two app instances on one database (on MariaDB, two connection pools: what two processes behind a load balancer
 * do): grants that would each cross a yearly limit arrive at once, split between the instances.
 */
describe('服务码 grants at a yearly limit under concurrent requests', () => {
  // A phone code sent through one instance is checked on the other.
  const { a, b } = useTwoTestApps();

  /** The same grant request sent through the other instance, with the same session. */
  const onB = (account: Account) => api(b.url, account.token);

  it(
    'should let only one of six grants to new accounts pass when the grantor has reached 9 of its 10',
    async () => {
      const grantor = await codesAccount(a, 'race-owner-1');
      const { instanceId } = await registerInstance(grantor);
      const targets = [];
      for (let i = 1; i <= 9 + RACERS; i++) targets.push(await codesAccount(a, `race-target-1-${i}`, false));
      for (const target of targets.slice(0, 9)) {
        await grantCodes(grantor, instanceId, target);
        // A day on every 5 phone codes: the SMS limit (10 a day per account), not the grant limit, would stop them.
        if (targets.indexOf(target) % 5 === 4) a.clock.advance(DAY);
      }
      a.clock.advance(DAY);
      const racers = [];
      for (const target of targets.slice(9)) racers.push({ targetAccountId: target.accountId, instanceId, count: 1, ...(await grantSmsCode(grantor)) });

      const answers = await Promise.all(racers.map((body, i) => (i % 2 ? onB(grantor) : grantor.client).post('/api/codes/service/grants', body)));

      expect(answers.map((answer) => answer.status).sort()).toEqual([201, ...Array(RACERS - 1).fill(422)]);
      expect(answers.find((answer) => answer.status === 422)!.body.fields).toEqual([
        { path: 'targetAccountId', code: 'GRANT_TARGETS_EXCEEDED', message: CODE_LIMITS.grantorDistinctTargetsPerYear.rule },
      ]);
    },
    RACE_TIMEOUT,
  );

  it(
    'should let only one of six new grantors through when the receiver has codes from 2 of its 3',
    async () => {
      const receiver = await codesAccount(a, 'race-receiver-2', false);
      const grantors = [];
      for (let i = 1; i <= 2 + RACERS; i++) {
        const grantor = await codesAccount(a, `race-owner-2-${i}`);
        grantors.push({ grantor, instanceId: (await registerInstance(grantor)).instanceId });
      }
      for (const { grantor, instanceId } of grantors.slice(0, 2)) await grantCodes(grantor, instanceId, receiver);
      const racers = [];
      for (const { grantor, instanceId } of grantors.slice(2)) {
        racers.push({ grantor, body: { instanceId, count: 1, targetAccountId: receiver.accountId, ...(await grantSmsCode(grantor)) } });
      }

      const answers = await Promise.all(racers.map(({ grantor, body }, i) => (i % 2 ? onB(grantor) : grantor.client).post('/api/codes/service/grants', body)));

      expect(answers.map((answer) => answer.status).sort()).toEqual([201, ...Array(RACERS - 1).fill(422)]);
      expect(answers.find((answer) => answer.status === 422)!.body.fields?.[0]?.message).toBe(CODE_LIMITS.receiverDistinctGrantorsPerYear.rule);
    },
    RACE_TIMEOUT,
  );
});
