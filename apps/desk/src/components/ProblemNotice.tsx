import { ApiProblem } from '../api';

/** What went wrong, as the API said it; field reasons also appear beside their fields. */
export function ProblemNotice({ title, problem }: { title: string; problem: Error }) {
  const status = problem instanceof ApiProblem ? ` (${problem.status})` : '';
  return (
    <div class="problem" role="alert">
      <p>
        <strong>
          {title}
          {status}
        </strong>
        : {problem.message}
      </p>
      {problem instanceof ApiProblem && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((issue) => (
            <li key={issue.field}>
              {issue.field}: {issue.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
