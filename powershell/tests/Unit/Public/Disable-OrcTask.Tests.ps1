BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Disable-OrcTask' {
    BeforeEach {
        Mock Get-OrcStoreHome { '/s' }
        Mock Get-OrcTask {
            foreach ($n in $Name) {
                if ($n -eq 'nodef') { [pscustomobject]@{ Name = 'nodef'; State = 'Ready'; Definition = $null }; continue }
                if ($n -eq 'unreg') { [pscustomobject]@{ Name = 'unreg'; State = 'NotRegistered'; Definition = [pscustomobject]@{ name = 'unreg'; action = [pscustomobject]@{ command = 'x' } } }; continue }
                [pscustomobject]@{ Name = $n; State = 'Ready'; Definition = [pscustomobject]@{ name = $n; action = [pscustomobject]@{ command = 'x' } } }
            }
        }
        Mock Invoke-OrcExec { New-OrcExecResult -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.define/v1","task":"db","changed":true}') } -ParameterFilter { $ArgumentList[0] -eq 'define' }
        Mock Disable-OrcBackendTask { }
    }

    It 'sets "enabled": false in the definition and disables the registration' {
        Disable-OrcTask -Name db
        Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter { ($ArgumentList -join ' ') -eq 'define db --set enabled=false' -and $StoreHome -eq '/s' }
        Should -Invoke Disable-OrcBackendTask -Exactly 1 -ParameterFilter { $Name -eq 'db' }
    }

    It 'changes nothing with -WhatIf' {
        Disable-OrcTask -Name db -WhatIf
        Should -Invoke Invoke-OrcExec -Exactly 0
        Should -Invoke Disable-OrcBackendTask -Exactly 0
    }

    It 'runs with -Confirm:$false and takes names by value and by property name' {
        'a', 'b' | Disable-OrcTask -Confirm:$false
        [pscustomobject]@{ Name = 'c' } | Disable-OrcTask
        Should -Invoke Disable-OrcBackendTask -Exactly 3
    }

    It 'only touches the scheduler for a registration without definition, and only the definition when not registered' {
        Disable-OrcTask -Name nodef, unreg
        Should -Invoke Invoke-OrcExec -Exactly 1
        Should -Invoke Disable-OrcBackendTask -Exactly 1 -ParameterFilter { $Name -eq 'nodef' }
    }

    It 'writes the mapped error when orc-exec refuses the definition' {
        Mock Invoke-OrcExec { New-OrcExecResult -ExitCode 4 -StdErr 'orc-exec: error: insecure' } -ParameterFilter { $ArgumentList[0] -eq 'define' }
        Disable-OrcTask -Name db -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.InsecureDefinition*'
        Should -Invoke Disable-OrcBackendTask -Exactly 0
    }

    It 'returns the task with -PassThru' {
        @(Disable-OrcTask -Name db -PassThru).Name | Should -Be @('db')
    }
}
