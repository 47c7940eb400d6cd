<?php

declare(strict_types=1);

// `php sdks/php/tests/run.php [phpunit arguments]`: runs the whole phpunit suite, passes its
// output through, writes {"passed","failed","skipped"} to $ER_RESULTS_FILE when set, and exits
// non-zero when anything failed.

$root = dirname(__DIR__);
$phpunit = is_file("{$root}/vendor/bin/phpunit") ? "{$root}/vendor/bin/phpunit" : (getenv('PHPUNIT') ?: 'phpunit');
$junit = tempnam(sys_get_temp_dir(), 'entryrate-php-junit-');
$command = implode(' ', array_map('escapeshellarg', [
    $phpunit,
    '--configuration', "{$root}/phpunit.xml",
    '--log-junit', $junit,
    ...array_slice($argv, 1),
]));
passthru($command, $exitCode);

$counts = countsOf($junit);
@unlink($junit);
$resultsFile = getenv('ER_RESULTS_FILE');
if (is_string($resultsFile) && $resultsFile !== '') {
    file_put_contents($resultsFile, json_encode($counts) . "\n");
}
exit($exitCode !== 0 ? $exitCode : ($counts['failed'] > 0 ? 1 : 0));

/**
 * The counts of phpunit's JUnit log; a run that left none (phpunit could not start) is one failure.
 *
 * @return array{passed: int, failed: int, skipped: int}
 */
function countsOf(string $junit): array
{
    $xml = is_file($junit) && filesize($junit) > 0 ? @simplexml_load_file($junit) : false;
    if ($xml === false || !isset($xml->testsuite)) {
        return ['passed' => 0, 'failed' => 1, 'skipped' => 0];
    }
    $suite = $xml->testsuite;
    $tests = (int) $suite['tests'];
    $failed = (int) $suite['failures'] + (int) $suite['errors'] + (int) $suite['warnings'];
    $skipped = (int) $suite['skipped'];
    return ['passed' => max(0, $tests - $failed - $skipped), 'failed' => $failed, 'skipped' => $skipped];
}
