// Owned by a dashboard engineer: replace this whole file.
export default function ApiKeys() {
  return <p>ApiKeys</p>;
}
