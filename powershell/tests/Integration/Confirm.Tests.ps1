# -Confirm asks once per task, never about the module's internal steps (restoring $LASTEXITCODE,
# copying orc-exec, writing the crontab). Each case runs in a child pwsh whose prompts read their
# answers ('Y') from stdin, with the real orc-exec and the cron backend writing a crontab file.
BeforeAll {
    . (Join-Path $PSScriptRoot '../TestHelpers.ps1')
    if (-not $env:ORC_EXEC_PATH -or -not (Test-Path $env:ORC_EXEC_PATH)) { throw "ORC_EXEC_PATH must point at a built orc-exec (got '$env:ORC_EXEC_PATH')" }
    # $PSHOME holds the running edition's own executable (Get-Process would name 'dotnet' for a tool install).
    $script:pwsh = @('pwsh', 'pwsh.exe', 'powershell.exe') | ForEach-Object { Join-Path $PSHOME $_ } | Where-Object { Test-Path $_ -PathType Leaf } | Select-Object -First 1

    function Invoke-Confirmed([string] $Command) {
        $orcHome = Join-Path ([System.IO.Path]::GetTempPath()) ('orc-pester-confirm-' + [guid]::NewGuid().ToString('N'))
        $script = @"
`$env:ORC_HOME = '$orcHome'
`$env:ORC_CRON_TARGET = '$orcHome/crontab'
`$env:ORC_EXEC_PATH = '$env:ORC_EXEC_PATH'
Import-Module '$script:ManifestPath' -Force
Register-OrcTask -Name c1 -Command /bin/true -Cron '0 1 * * *' -Confirm:`$false
Write-Output '---'
$Command
"@
        $file = Join-Path ([System.IO.Path]::GetTempPath()) ("orc-confirm-$([guid]::NewGuid().ToString('N')).ps1")
        [System.IO.File]::WriteAllText($file, $script)
        try {
            $output = ("Y`n" * 10) | & $script:pwsh -NoProfile -File $file 2>&1 | ForEach-Object { "$_" }
        }
        finally {
            Remove-Item -LiteralPath $file, $orcHome -Recurse -Force -ErrorAction SilentlyContinue
        }
        $after = $false
        foreach ($line in $output) {
            if ($line -eq '---') { $after = $true; continue }
            if ($after) { $line }
        }
    }
}

Describe '-Confirm' -Tag 'NotOnWine.CronBackend' {
    It '<Command> asks once, about the task' -ForEach @(
        @{ Command = 'Register-OrcTask -Name c2 -Command /bin/true -Cron "0 2 * * *" -Confirm'; Target = 'c2' }
        @{ Command = 'Set-OrcTask -Name c1 -Timeout 2h -Confirm'; Target = 'c1' }
        @{ Command = 'Disable-OrcTask -Name c1 -Confirm'; Target = 'c1' }
        @{ Command = 'Enable-OrcTask -Name c1 -Confirm'; Target = 'c1' }
        @{ Command = 'Export-OrcTask -Name c1 -Path (Join-Path $env:ORC_HOME c1.json) -Confirm'; Target = 'c1.json' }
        @{ Command = 'Stop-OrcTask -Name c1 -Confirm'; Target = 'c1' }
        @{ Command = 'Unregister-OrcTask -Name c1 -Confirm'; Target = 'c1' }
    ) {
        $output = @(Invoke-Confirmed $Command)
        $asked = @($output | Where-Object { $_ -like 'Performing the operation*' })
        $asked.Count | Should -Be 1 -Because ($output -join [System.Environment]::NewLine)
    }
}
