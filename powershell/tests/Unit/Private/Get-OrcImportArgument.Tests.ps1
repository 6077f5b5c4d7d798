# Import-OrcTask -Format Auto: which 'orc-exec import' source a file is read as.
BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
    $script:dir = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-importarg-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $dir
    function script:New-Sample([string] $Name, [byte[]] $Bytes) {
        $p = Join-Path $script:dir $Name
        [System.IO.File]::WriteAllBytes($p, $Bytes)
        $p
    }
}

AfterAll {
    Remove-Item -LiteralPath $script:dir -Recurse -Force -ErrorAction SilentlyContinue
    Remove-OrcTestModule
}

Describe 'Get-OrcImportArgument' {
    It 'reads <Name> as <Want>' -ForEach @(
        @{ Name = 'task.xml'; Bytes = [byte[]](0xFF, 0xFE, 0x3C, 0x00); Want = 'import --from taskxml' }
        @{ Name = 'task-utf8'; Bytes = [byte[]](0xEF, 0xBB, 0xBF, 0x3C); Want = 'import --from taskxml' }
        @{ Name = 'task.txt'; Bytes = [byte[]](0x3C, 0x3F); Want = 'import --from taskxml' }
        @{ Name = 'tasks.json'; Bytes = [byte[]](0x5B, 0x5D); Want = 'import --from list --format json' }
        @{ Name = 'tasks.CSV'; Bytes = [byte[]](0x6E, 0x2C); Want = 'import --from list --format csv' }
        @{ Name = 'legacy.cron'; Bytes = [byte[]](0x2A, 0x20); Want = 'import --from crontab' }
        @{ Name = 'empty'; Bytes = [byte[]]@(); Want = 'import --from crontab' }
    ) {
        $p = New-Sample $Name $Bytes
        $a = InModuleScope Orchestrator -Parameters @{ P = $p } { param($P) Get-OrcImportArgument -Path $P -Format Auto }
        ($a -join ' ') | Should -BeExactly "$Want $p"
    }

    It 'passes --system for -UserColumn and honours an explicit -Format' {
        $p = New-Sample 'backup' ([byte[]](0x2A))
        $a = InModuleScope Orchestrator -Parameters @{ P = $p } { param($P) Get-OrcImportArgument -Path $P -Format Crontab -UserColumn }
        ($a -join ' ') | Should -BeExactly "import --from crontab --system $p"
        $x = InModuleScope Orchestrator -Parameters @{ P = $p } { param($P) Get-OrcImportArgument -Path $P -Format TaskSchedulerXml }
        ($x -join ' ') | Should -BeExactly "import --from taskxml $p"
    }
}

Describe 'Get-OrcImportDefinitionText' {
    It 'cuts out the definition exactly, even when a string before it mentions "definition":' {
        $line = '{"name":"a","source":"x \"definition\": 1","status":"converted","definition":{"name":"a","action":{"command":"x > y"}}}'
        InModuleScope Orchestrator -Parameters @{ L = $line } { param($L) Get-OrcImportDefinitionText -Line $L } |
            Should -BeExactly '{"name":"a","action":{"command":"x > y"}}'
    }
}
