<?php

declare(strict_types=1);

// For those without Composer: `require 'path/to/entryrate-php/autoload.php';` loads the SDK's
// classes on demand, as Composer's PSR-4 autoloader would ("EntryRate\\" => src/).
spl_autoload_register(static function (string $class): void {
    $prefix = 'EntryRate\\';
    if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
        return;
    }
    $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    if (is_file($file)) {
        require $file;
    }
});
