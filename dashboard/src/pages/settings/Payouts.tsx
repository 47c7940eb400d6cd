// Owned by a dashboard engineer: replace this whole file.
export default function Payouts() {
  return <p>Payouts</p>;
}
