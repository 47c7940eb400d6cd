// Owned by a dashboard engineer: replace this whole file.
export default function Webhooks() {
  return <p>Webhooks</p>;
}
